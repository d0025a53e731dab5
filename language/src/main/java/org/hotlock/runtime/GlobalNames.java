package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Global names get one index for the whole language (every context of an engine), so a node
 * that reads a global keeps that index and stays valid in every context that shares its code.
 */
public final class GlobalNames {
    private final Map<String, Integer> indices = new ConcurrentHashMap<>();

    @TruffleBoundary
    public int indexOf(String name) {
        synchronized (indices) {
            return indices.computeIfAbsent(name, n -> indices.size());
        }
    }

    @TruffleBoundary
    public String nameOf(int index) {
        for (Map.Entry<String, Integer> e : indices.entrySet()) {
            if (e.getValue() == index) {
                return e.getKey();
            }
        }
        return "$" + index;
    }

    public int count() {
        return indices.size();
    }
}
