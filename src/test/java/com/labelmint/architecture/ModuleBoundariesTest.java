package com.labelmint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.labelmint.platform.events.DomainEvent;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md, enforced on the compiled main classes: a wrong
 * import fails the build instead of waiting for a review.
 */
class ModuleBoundariesTest {

    static final List<String> MODULES = List.of("auth", "users", "projects", "tasks", "consensus", "payments",
            "notifications", "admin", "miniapp");

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.labelmint");
    }

    @Test
    void aModuleUsesAnotherModuleOnlyThroughItsApiPackage() {
        moduleMayUseOnlyApisOfOthers().check(mainClasses);
    }

    @Test
    void thePlatformImportsNoModule() {
        platformIndependentOfModules().check(mainClasses);
    }

    @Test
    void modulesHaveNoCycles() {
        moduleCycles().check(mainClasses);
    }

    /**
     * The consensus engine is arithmetic over int arrays: no CDI, no database, no other LabelMint package, so it
     * runs the same in a request, a job and bench/consensus, which puts only target/classes on its class path.
     */
    @Test
    void theConsensusEngineUsesOnlyTheJdk() {
        classes().that().resideInAPackage("com.labelmint.consensus.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.labelmint.consensus.engine..")
                .check(mainClasses);
    }

    static ArchRule moduleMayUseOnlyApisOfOthers() {
        return classes().that().resideInAPackage("com.labelmint..")
                .should(new ArchCondition<>("use other modules only through their api packages") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String ownModule = moduleOf(origin.getPackageName());
                        origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                            String targetPackage = dependency.getTargetClass().getPackageName();
                            String targetModule = moduleOf(targetPackage);
                            boolean foreignModule = targetModule != null && !targetModule.equals(ownModule);
                            boolean throughApi = targetPackage.equals("com.labelmint." + targetModule + ".api")
                                    || targetPackage.startsWith("com.labelmint." + targetModule + ".api.");
                            if (foreignModule && !throughApi) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        });
                    }
                });
    }

    static ArchRule platformIndependentOfModules() {
        return noClasses().that().resideInAPackage("com.labelmint.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(MODULES.stream()
                        .map(module -> "com.labelmint." + module + "..").toArray(String[]::new));
    }

    /**
     * Calls between modules form no cycle. Listening to an event does not count: events are messages whose
     * records the publisher owns, and two modules reacting to each other's events is ordinary choreography
     * (docs/decisions/module-dependencies.md).
     */
    static ArchRule moduleCycles() {
        return slices().matching("com.labelmint.(*)..").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.assignableTo(DomainEvent.class))
                .allowEmptyShould(true);
    }

    /** The module a package belongs to, or null for the platform and anything outside the modules. */
    static String moduleOf(String packageName) {
        for (String module : MODULES) {
            String root = "com.labelmint." + module;
            if (packageName.equals(root) || packageName.startsWith(root + ".")) {
                return module;
            }
        }
        return null;
    }
}
