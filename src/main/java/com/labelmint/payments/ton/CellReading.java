package com.labelmint.payments.ton;

import java.util.function.Supplier;

/**
 * Runs ton4j code over cells from outside. ton4j signals a malformed cell with {@link Error}s (and some runtime
 * exceptions); this turns them into one {@link IllegalArgumentException}, letting real JVM errors through.
 */
final class CellReading {

    private CellReading() {
    }

    static <T> T read(String what, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new IllegalArgumentException("Malformed " + what + ": " + e.getMessage(), e);
        }
    }
}
