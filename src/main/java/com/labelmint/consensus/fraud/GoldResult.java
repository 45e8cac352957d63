package com.labelmint.consensus.fraud;

/** How an answer did on a gold item, for the failed-gold streak: a right one ends the streak, a wrong one extends it. */
public enum GoldResult {
    NOT_GOLD, RIGHT, WRONG;

    public static GoldResult of(boolean correct) {
        return correct ? RIGHT : WRONG;
    }
}
