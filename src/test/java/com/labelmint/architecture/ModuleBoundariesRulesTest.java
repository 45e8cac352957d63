package com.labelmint.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.labelmint.auth.archfixture.SessionStore;
import com.labelmint.platform.archfixture.LeakyPlatformHelper;
import com.labelmint.tasks.archfixture.SneakyImporter;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The boundary rules must fail on real violations, not only pass on clean code: they run here
 * against fixture classes (test-only, in module packages) that break each rule.
 */
class ModuleBoundariesRulesTest {

    @Test
    void aModuleReachingIntoAnotherModulesInternalsIsCaught() {
        JavaClasses classes = new ClassFileImporter().importClasses(SneakyImporter.class, SessionStore.class);

        assertThatThrownBy(() -> ModuleBoundariesTest.moduleMayUseOnlyApisOfOthers().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SneakyImporter")
                .hasMessageContaining("SessionStore");
    }

    @Test
    void thePlatformImportingAModuleIsCaught() {
        JavaClasses classes = new ClassFileImporter().importClasses(LeakyPlatformHelper.class, SessionStore.class);

        assertThatThrownBy(() -> ModuleBoundariesTest.platformIndependentOfModules().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyPlatformHelper");
    }

    @Test
    void moduleOfNamesTheOwningModule() {
        assertThat(ModuleBoundariesTest.moduleOf("com.labelmint.tasks.api")).isEqualTo("tasks");
        assertThat(ModuleBoundariesTest.moduleOf("com.labelmint.tasks.queue.internal")).isEqualTo("tasks");
        assertThat(ModuleBoundariesTest.moduleOf("com.labelmint.taskstats")).isNull();
        assertThat(ModuleBoundariesTest.moduleOf("com.labelmint.platform.events")).isNull();
    }
}
