package com.labelmint.consensus.engine;

import java.util.Arrays;

/** A growable array of ints without boxing: what the builder collects a million answers into. */
final class IntList {

    private int[] values;
    private int size;

    IntList(int initialCapacity) {
        values = new int[Math.max(initialCapacity, 16)];
    }

    void add(int value) {
        if (size == values.length) {
            // grows by half: a 1 000 000-row load peaks at 1.5 × its final size instead of 2 ×
            values = Arrays.copyOf(values, Math.addExact(size, size >> 1));
        }
        values[size++] = value;
    }

    /** Sets index to value, filling any gap up to it with filler. */
    void set(int index, int value, int filler) {
        while (size <= index) {
            add(filler);
        }
        values[index] = value;
    }

    int size() {
        return size;
    }

    /** The values, trimmed to size, padded with filler up to length. */
    int[] toArray(int length, int filler) {
        int[] copy = Arrays.copyOf(values, Math.max(length, size));
        Arrays.fill(copy, size, copy.length, filler);
        return copy;
    }
}
