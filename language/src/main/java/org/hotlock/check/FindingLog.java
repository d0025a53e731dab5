package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every distinct finding of a run or an exploration, once, with how often it recurred.
 * Unlike lockdep it never turns itself off and has no fixed-size tables.
 */
public final class FindingLog {
    public static final class Entry {
        private final Finding finding;
        private int count;

        Entry(Finding finding) {
            this.finding = finding;
        }

        public Finding finding() {
            return finding;
        }

        public int count() {
            return count;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Entries before this index were answered by an expectation (or reported) already. */
    private int mark;
    private final Set<String> printed = new HashSet<>();
    /** Keys found (first or again) since the mark, in order: what an expectation answers for. */
    private final Set<String> occurred = new LinkedHashSet<>();
    /**
     * Keys found (first or again) since {@link #beginScope()}: what one scenario, or one REPL
     * snippet, found, which its headline names, whatever the expectations answered before.
     */
    private final Set<String> scope = new LinkedHashSet<>();
    /** The keys of the entries, readable by the workers of a search while it adds to them. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /** In a worker of a search: where what is found goes instead (see CheckRecord); null otherwise. */
    private CheckRecord recording;
    /** Why a search since the mark could not show that something does not happen; null while none was incomplete. */
    private String incomplete;
    /** The expectations an incomplete search could neither confirm nor refute, each as its message. */
    private final List<String> inconclusive = new ArrayList<>();

    /** In a worker: what is found goes into the record (null: into this log again). */
    void recordInto(CheckRecord record) {
        this.recording = record;
    }

    CheckRecord recording() {
        return recording;
    }

    /** Whether a finding with this key is in the log: safe to ask from another thread. */
    public boolean knows(String key) {
        return known.contains(key);
    }

    @TruffleBoundary
    public void add(Finding finding) {
        if (recording != null) {
            recording.add(finding);
            return;
        }
        entries.computeIfAbsent(finding.key(), k -> {
            known.add(k);
            return new Entry(finding);
        }).count++;
        occurred.add(finding.key());
        scope.add(finding.key());
    }

    /**
     * A finding recorded before holds again (a lock-order cycle whose dependencies were taken
     * again): it counts for the next expectation without counting as a new occurrence.
     */
    @TruffleBoundary
    public void holdsAgain(String key) {
        if (entries.containsKey(key)) {
            occurred.add(key);
            scope.add(key);
        }
    }

    /**
     * A finding that a later one makes wrong (a lock-order cycle reported as guarded, whose
     * dependencies turned out also to be taken unguarded): forgotten, unless it was printed
     * or answered for already. So what a search reports does not depend on the order it ran
     * its executions in.
     */
    @TruffleBoundary
    public void supersede(String key) {
        List<String> keys = new ArrayList<>(entries.keySet());
        int at = keys.indexOf(key);
        if (at >= mark && !printed.contains(key)) {
            entries.remove(key);
            known.remove(key);
            occurred.remove(key);
            scope.remove(key);
        }
    }

    /** The finding recorded under the key, to count another occurrence of it. */
    @TruffleBoundary
    public Finding get(String key) {
        if (recording != null) {
            // the search's log decides whether this is news; a finding it has needs no report
            return recording.knows(key) ? Finding.known(key) : null;
        }
        Entry e = entries.get(key);
        return e == null ? null : e.finding();
    }

    @TruffleBoundary
    public boolean has(String key) {
        if (recording != null) {
            return recording.knows(key);
        }
        return entries.containsKey(key);
    }

    @TruffleBoundary
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @TruffleBoundary
    public void clear() {
        entries.clear();
        known.clear();
        occurred.clear();
        scope.clear();
        incomplete = null;
        inconclusive.clear();
    }

    /**
     * A search since the mark stopped before it had seen every schedule (a bound, a limit) or
     * sampled them (PCT): what was found is real, but that something was not found proves
     * nothing until the next expectation. The first reason is kept.
     */
    public void searchIncomplete(String why) {
        if (incomplete == null) {
            incomplete = why;
        }
    }

    /** Why a search since the mark was incomplete; null when every search since it was complete. */
    public String incompleteSinceMark() {
        return incomplete;
    }

    /** An expectation that an incomplete search could not settle. */
    @TruffleBoundary
    public void addInconclusive(String message) {
        inconclusive.add(message);
    }

    /** The expectations incomplete searches could not settle, in order. */
    @TruffleBoundary
    public List<String> inconclusive() {
        return List.copyOf(inconclusive);
    }

    /** The findings first seen since the last mark. */
    @TruffleBoundary
    public List<Entry> sinceMark() {
        List<Entry> all = new ArrayList<>(entries.values());
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    /** Everything found so far has been answered for (by an expectation). */
    @TruffleBoundary
    public void mark() {
        mark = entries.size();
        occurred.clear();
        incomplete = null;
    }

    /** From now on {@link #scope()} is what is found: a scenario, or a REPL snippet, begins. */
    @TruffleBoundary
    public void beginScope() {
        scope.clear();
    }

    /** The distinct findings found (first or again) since {@link #beginScope()}, in order. */
    @TruffleBoundary
    public List<Entry> scope() {
        List<Entry> result = new ArrayList<>();
        for (String key : scope) {
            Entry e = entries.get(key);
            if (e != null) {
                result.add(e);
            }
        }
        return result;
    }

    /** Marks a finding printed; whether it had not been before. */
    @TruffleBoundary
    public boolean markPrinted(String key) {
        return printed.add(key);
    }

    /** Findings since the mark not printed yet; marks them printed. */
    @TruffleBoundary
    public List<Entry> unprinted() {
        List<Entry> result = new ArrayList<>();
        for (Entry e : sinceMark()) {
            if (printed.add(e.finding().key())) {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * The categories found since the mark, in order of first occurrence, without repeats. A
     * finding seen before the mark counts again when it recurs: running a scenario twice
     * meets the same expectation twice.
     */
    @TruffleBoundary
    public List<String> categories() {
        List<String> result = new ArrayList<>();
        for (String key : occurred) {
            Entry e = entries.get(key);
            if (e != null && !result.contains(e.finding().category())) {
                result.add(e.finding().category());
            }
        }
        return result;
    }
}
