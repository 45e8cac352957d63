package com.labelmint.tasks.importing;

import com.labelmint.platform.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Copies an import's body to a spool file as it arrives, never holding more than a buffer of it: counting its
 * bytes (and refusing it past {@code labelmint.import.max-bytes}), its lines, and its fingerprint on the way.
 */
@ApplicationScoped
class Spooler {

    private static final int BUFFER = 64 * 1024;

    private final SpoolDirectory directory;
    private final long maxBytes;

    Spooler(SpoolDirectory directory, ImportConfig config) {
        this.directory = directory;
        this.maxBytes = config.maxBytes().asLongValue();
    }

    Spool spool(InputStream body, ImportFormat format, boolean atomic) {
        Path file = directory.newFile();
        try {
            return write(body, file, fingerprintStart(format, atomic));
        } catch (RuntimeException e) {
            directory.delete(file);
            throw e;
        }
    }

    void discard(Spool spool) {
        directory.delete(spool.file());
    }

    private Spool write(InputStream body, Path file, MessageDigest fingerprint) {
        byte[] buffer = new byte[BUFFER];
        byte[] head = new byte[2];
        long bytes = 0;
        long newlines = 0;
        byte last = '\n';
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read = body.read(buffer); read != -1; read = body.read(buffer)) {
                if (bytes + read > maxBytes) {
                    throw tooLarge("The body is larger than the " + maxBytes + " bytes an import may have: split it");
                }
                if (bytes < head.length) {
                    System.arraycopy(buffer, 0, head, (int) bytes, (int) Math.min(read, head.length - bytes));
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        newlines++;
                    }
                }
                bytes += read;
                if (read > 0) {
                    last = buffer[read - 1];
                }
                fingerprint.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("unreadable-body", "The body could not be read to its end: " + e.getMessage());
        }
        long lines = newlines + (last == '\n' ? 0 : 1);
        if (bytes == 0) {
            throw ProblemException.badRequest("empty-import", "The body is empty: there is nothing to import");
        }
        if (lines > Integer.MAX_VALUE) {
            throw tooLarge("The body has more than " + Integer.MAX_VALUE + " lines: split it");
        }
        if (isUtf16ByteOrderMark(head)) {
            throw ProblemException.badRequest("not-utf8", "The body is UTF-16 text; imports are UTF-8: convert the file and send it again");
        }
        return new Spool(file, bytes, (int) lines, fingerprint.digest());
    }

    /** The format and the atomic flag are part of what the request asks, so they are part of its fingerprint. */
    private static MessageDigest fingerprintStart(ImportFormat format, boolean atomic) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((format.wireName() + "\n" + atomic + "\n").getBytes(StandardCharsets.UTF_8));
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static boolean isUtf16ByteOrderMark(byte[] head) {
        return (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE);
    }

    private static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "payload-too-large", "Payload too large", detail);
    }
}
