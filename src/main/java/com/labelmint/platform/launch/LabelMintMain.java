package com.labelmint.platform.launch;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts LabelMint. With no database configured (no {@code QUARKUS_DATASOURCE_JDBC_URL}), it first
 * starts an embedded PostgreSQL whose data survives restarts, so the packaged jar runs on a machine
 * that has nothing but a JDK. Likewise a JWT key pair is generated into the data folder when none
 * is configured. Anything configured replaces these local defaults.
 */
@QuarkusMain
public final class LabelMintMain {

    private LabelMintMain() {
    }

    public static void main(String... args) throws Exception {
        DevSigningKeys.useOrCreateUnlessConfigured(EmbeddedDatabase.dataDirectory());
        try (EmbeddedDatabase database = EmbeddedDatabase.startUnlessConfigured()) {
            Quarkus.run(args);
        }
    }
}
