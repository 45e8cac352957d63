package com.labelmint.tasks.importing;

import java.util.List;

/** A CSV header that does not fit the project's schema: nothing below it can be read. */
final class HeaderRejected extends Exception {

    private final List<String> problems;

    HeaderRejected(List<String> problems) {
        super("The CSV header does not fit the project: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
