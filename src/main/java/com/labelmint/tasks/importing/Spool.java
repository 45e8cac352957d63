package com.labelmint.tasks.importing;

import java.nio.file.Path;

/**
 * An import's body on local disk: its size, its physical lines (the progress denominator) and its fingerprint
 * (SHA-256 of format, atomic flag and body: what tells a repeated request from a different one).
 */
record Spool(Path file, long bytes, int lines, byte[] fingerprint) {
}
