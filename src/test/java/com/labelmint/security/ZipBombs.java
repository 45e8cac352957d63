package com.labelmint.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Small gzip bodies that inflate to far more than any limit: what an attacker sends hoping we inflate it. */
public final class ZipBombs {

    private ZipBombs() {
    }

    /** {@code line} repeated until it makes {@code inflatedBytes}, gzipped (a few kilobytes per hundred megabytes). */
    public static byte[] gzipOf(String line, long inflatedBytes) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024)) {
            for (long written = 0; written < inflatedBytes; written += bytes.length) {
                gzip.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
