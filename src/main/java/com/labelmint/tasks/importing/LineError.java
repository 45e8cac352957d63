package com.labelmint.tasks.importing;

/** Why one line of an import was not imported; {@code line} is 1-based, where the line (CSV: record) starts. */
public record LineError(int line, String reason) {
}
