package com.labelmint.tasks.importing;

/** Client values quoted in error reasons are cut short: a reason explains, it does not echo a megabyte back. */
final class Reasons {

    private static final int LONGEST_QUOTE = 60;

    private Reasons() {
    }

    static String shorten(String value) {
        return value.length() <= LONGEST_QUOTE ? value : value.substring(0, LONGEST_QUOTE) + "…";
    }
}
