package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Global names get one index for the whole language (every context of an engine), so a node
 * that reads a global keeps that index and stays valid in every context that shares its code.
 */
public final class GlobalNames {
    private final Map<String, Integer> indices;
    /** The names by index: naming every global of a context is then linear, not quadratic. */
    private final List<String> names = new ArrayList<>();

    public GlobalNames() {
        this(new ConcurrentHashMap<>());
    }

    /** On the map given: a test counts the work done on it. */
    GlobalNames(Map<String, Integer> indices) {
        this.indices = indices;
    }

    @TruffleBoundary
    public int indexOf(String name) {
        synchronized (indices) {
            return indices.computeIfAbsent(name, n -> {
                names.add(n);
                return names.size() - 1;
            });
        }
    }

    @TruffleBoundary
    public String nameOf(int index) {
        synchronized (indices) {
            return index >= 0 && index < names.size() ? names.get(index) : "$" + index;
        }
    }

    public int count() {
        return indices.size();
    }
}
