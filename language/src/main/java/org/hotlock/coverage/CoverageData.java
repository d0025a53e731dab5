package org.hotlock.coverage;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.nodes.BranchConditionTag;
import org.hotlock.nodes.FunctionBodyNode;
import org.hotlock.nodes.call.InvokeNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the kernel model holds (its functions, the lines of their statements, their branches and
 * whom they call) as the engine loads it, and how often each ran. The model's top level (the
 * declarations that run once when a kernel is loaded) is not counted: it always runs.
 * Scenarios checked at once on one engine count into the same counters.
 */
final class CoverageData {
    enum Kind { FUNCTION, LINE, BRANCH }

    /** One function, statement or branch condition, and its counts. */
    static final class Counter {
        final Kind kind;
        final String file;
        final String function;
        final int line;
        final int charIndex;
        final String text;
        private final LongAdder hits = new LongAdder();
        private final LongAdder whenFalse = new LongAdder();

        Counter(Kind kind, String file, String function, int line, int charIndex, String text) {
            this.kind = kind;
            this.file = file;
            this.function = function;
            this.line = line;
            this.charIndex = charIndex;
            this.text = text;
        }

        @TruffleBoundary
        void hit() {
            hits.increment();
        }

        /** A branch condition's value: true counts as taken, false as not (anything else failed before it branched). */
        @TruffleBoundary
        void branch(Object value) {
            if (value == Boolean.TRUE) {
                hits.increment();
            } else if (value == Boolean.FALSE) {
                whenFalse.increment();
            }
        }

        long hits() {
            return hits.sum();
        }

        /** For a branch condition: times it was true, and times it was false. */
        long whenTrue() {
            return hits.sum();
        }

        long whenFalse() {
            return whenFalse.sum();
        }
    }

    private final Map<SourceSection, Counter> counters = new ConcurrentHashMap<>();
    /** Function name to the names its body calls, for the locking paths. */
    private final Map<String, Set<String>> calls = new ConcurrentHashMap<>();

    /** Records a node of the model as it loads; its counter, or null for a node that is only a call or is at the top level. */
    @TruffleBoundary
    Counter loaded(Node node) {
        if (!(node instanceof InstrumentableNode tagged)) {
            return null;
        }
        SourceSection section = node.getSourceSection();
        if (section == null || !section.isAvailable() || !insideFunction(node)) {
            return null;
        }
        String function = node.getRootNode().getName();
        if (node instanceof InvokeNode call && call.calleeName() != null) {
            calls.computeIfAbsent(function, f -> ConcurrentHashMap.newKeySet()).add(call.calleeName());
        }
        Kind kind = tagged.hasTag(StandardTags.RootTag.class) ? Kind.FUNCTION
                : tagged.hasTag(BranchConditionTag.class) ? Kind.BRANCH
                : tagged.hasTag(StandardTags.StatementTag.class) ? Kind.LINE : null;
        if (kind == null) {
            return null;
        }
        // a function is counted at its declaration's line, where a reader looks for it
        SourceSection at = kind == Kind.FUNCTION && node.getRootNode().getSourceSection() != null ? node.getRootNode().getSourceSection() : section;
        String file = section.getSource().getPath() != null ? section.getSource().getPath() : section.getSource().getName();
        return counters.computeIfAbsent(section, s -> new Counter(kind, file, function, at.getStartLine(), s.getCharIndex(),
                kind == Kind.BRANCH ? s.getCharacters().toString() : null));
    }

    private static boolean insideFunction(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof FunctionBodyNode) {
                return true;
            }
        }
        return false;
    }

    List<Counter> counters() {
        return List.copyOf(counters.values());
    }

    Map<String, Set<String>> calls() {
        return Map.copyOf(calls);
    }
}
