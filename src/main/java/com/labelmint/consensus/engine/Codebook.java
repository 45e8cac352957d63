package com.labelmint.consensus.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Dense codes 0, 1, 2, … for keys, in the order each key was first seen, and back. First-appearance order makes
 * the codes, and every tie the engine breaks by lowest code, a function of the input alone.
 */
public final class Codebook<K> {

    private final Map<K, Integer> codes = new HashMap<>();
    private final List<K> keys = new ArrayList<>();

    /** The key's code, giving it the next free one if it is new. */
    public int encode(K key) {
        Objects.requireNonNull(key, "key");
        Integer code = codes.get(key);
        if (code != null) {
            return code;
        }
        int next = keys.size();
        codes.put(key, next);
        keys.add(key);
        return next;
    }

    /** The key's code, or -1 if it was never encoded. */
    public int codeOf(K key) {
        Integer code = codes.get(key);
        return code == null ? -1 : code;
    }

    public K keyOf(int code) {
        return keys.get(code);
    }

    public int size() {
        return keys.size();
    }

    /** The keys in code order. */
    public List<K> keys() {
        return List.copyOf(keys);
    }
}
