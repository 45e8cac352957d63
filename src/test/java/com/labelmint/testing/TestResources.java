package com.labelmint.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Resources every @QuarkusTest needs, declared once for all of them. */
@QuarkusTestResource(value = JwtTestKeys.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = false)
public final class TestResources {

    private TestResources() {
    }
}
