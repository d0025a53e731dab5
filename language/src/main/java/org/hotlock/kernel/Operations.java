package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.hotlock.runtime.HLFunction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entries into the kernel: the handlers the model registered for platform events, and which
 * kernel operation (a sysfs access, a firmware event) is in progress, so a report can name the
 * step that broke an invariant.
 */
public final class Operations {
    private final Map<String, HLFunction> events = new LinkedHashMap<>();
    private int depth;
    private String last = "boot";

    @TruffleBoundary
    public void registerEvent(String name, HLFunction handler) {
        events.put(name, handler);
    }

    @TruffleBoundary
    public HLFunction event(String name) {
        return events.get(name);
    }

    public Map<String, HLFunction> events() {
        return events;
    }

    public void enter(String description) {
        if (depth++ == 0) {
            last = description;
        }
    }

    /** Leaves a kernel operation; returns true when no thread is inside one any more. */
    public boolean exit() {
        return --depth == 0;
    }

    /** The last operation a thread entered the kernel with. */
    public String last() {
        return last;
    }

    /** The kernel step in progress, for reports: the operation, or the script itself. */
    String currentStep(GuestThread current) {
        return depth > 0 ? last : current.name() + ": the script itself, outside any kernel operation";
    }

    @TruffleBoundary
    Map<String, HLFunction> save() {
        return new LinkedHashMap<>(events);
    }

    /** The registered handlers as saved; no thread is inside the kernel. */
    @TruffleBoundary
    void restore(Map<String, HLFunction> saved) {
        events.clear();
        events.putAll(saved);
        depth = 0;
    }
}
