package org.hotlock.launcher;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** The options every scenario mode shares: a picocli mixin of run, explore, pct and check. */
final class ScenarioOptions {
    /** A replay's recorded steps (TraceFile.encodeSteps), which each step must match; null: none. Set by replay, not an option. */
    String replaySteps;
    /** Which of the script's scenario statements a replay is of (-1: each), and the search the others ran as. Set by replay. */
    int replayScenario = -1;
    String replaySearchMode = "";
    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random schedule and of PCT (default: ${DEFAULT-VALUE}).")
    long seed = 0;
    @Option(names = "--strategy", paramLabel = "NAME", converter = StrategyName.class, completionCandidates = StrategyName.class,
            description = "Schedule of run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String strategy = "random";
    @Option(names = "--max-steps", paramLabel = "N", description = "Steps one execution may take (default: ${DEFAULT-VALUE}).")
    long maxSteps = 100_000;
    @Option(names = "--max-executions", paramLabel = "N", description = "Executions an exploration may run (default: ${DEFAULT-VALUE}).")
    long maxExecutions = 1_000_000;
    @Option(names = "--preemption-bound", paramLabel = "N", description = "Most preemptions per explored schedule (default: none).")
    int preemptionBound = -1;
    @Option(names = "--no-reduction", description = "Explore every interleaving, without partial-order reduction.")
    boolean noReduction;
    @Option(names = "--pct-first", paramLabel = "N",
            description = "PCT runs an exploration tries before its complete search, to find a failure sooner (default: ${DEFAULT-VALUE}; 0: none).")
    int pctFirst = 100;
    @Option(names = "--runs", paramLabel = "N", converter = AtLeastOne.class, description = "PCT runs (default: ${DEFAULT-VALUE}).")
    int runs = 100;
    @Option(names = "--depth", paramLabel = "D", converter = AtLeastOne.class, description = "PCT bug depth (default: ${DEFAULT-VALUE}).")
    int depth = 3;
    @Option(names = "--trace", paramLabel = "FILE", description = "Where to save the trace of a failure (default: hotlock-trace-NAME.json here).")
    Path trace;
    @Option(names = "--no-trace", description = "Do not save a trace file.")
    boolean noTrace;
    @Option(names = "--progress", description = "Print a plain progress line every second during searches, in a log too (on a terminal the progress line is rewritten in place without it).")
    boolean progress;
    @Option(names = "--statement-limit", paramLabel = "N",
            description = "Stop a script, or one execution of a scenario, after N loop iterations and guest calls, an endless loop being the usual cause (default: ${DEFAULT-VALUE}; 0: none).")
    long statementLimit = Contexts.DEFAULT_STATEMENT_LIMIT;
    @Option(names = "--max-call-depth", paramLabel = "N", description = "Deepest guest call nesting before a stack-overflow error (default: ${DEFAULT-VALUE}).")
    int maxCallDepth = 5000;
    @Option(names = "--lockdep-novalidate-device", description = "Leave dev->mutex out of the lock-order graph, as lockdep does.")
    boolean novalidateDevice;
    @Option(names = "--no-gate-locks", description = "The lock order as lockdep reports it: no lock is a gate, every cycle is a cycle (no guarded_cycle).")
    boolean noGateLocks;
    @Option(names = "--workers", paramLabel = "N", converter = AtLeastOne.class,
            description = "Threads a long exploration explores subtrees on, each with its own context; the same report as one (default: the cores, ${DEFAULT-VALUE}; check shares them among its --jobs).")
    int workers = Runtime.getRuntime().availableProcessors();
    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop an exploration or PCT after this long, reported as incomplete (default: none).")
    long timeLimit = 0;
    @Option(names = "--timeout", paramLabel = "SECONDS", converter = AtLeastZero.class,
            description = "Stop a file that runs longer than this, an error (default: " + RUN_TIMEOUT + " for run and check, none for explore and pct, whose --time-limit ends a search as incomplete instead; 0: none).")
    long timeout = -1;

    @Option(names = "--coverage", paramLabel = "FILE.info",
            description = "Write which lines, functions and branches of the kernel model the scenarios ran as LCOV (for genhtml), and print a summary with the branches of the locking paths never taken.")
    Path coverage;

    /** The wall-clock bound of a file under run and check unless --timeout says otherwise. */
    static final long RUN_TIMEOUT = 600;

    /** The --timeout of a file in this mode: the option, or the mode's default. */
    long timeoutFor(String mode) {
        return timeout >= 0 ? timeout : mode.equals("run") ? RUN_TIMEOUT : 0;
    }

    /** A count of seconds: zero or more. */
    static final class AtLeastZero implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wholeNumber(value, false, 0, "0 (none) or more");
        }
    }

    /** The schedules run knows; picocli lists them in the help and in the error for any other. */
    static final class StrategyName implements ITypeConverter<String>, Iterable<String> {
        static final List<String> NAMES = List.of("random", "round-robin");

        @Override
        public String convert(String value) {
            if (!NAMES.contains(value)) {
                throw new TypeConversionException("'" + value + "' is not a strategy; valid values: " + String.join(", ", NAMES));
            }
            return value;
        }

        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }

    /** A count that must be at least one. */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) wholeNumber(value, true, 1, "at least 1");
        }
    }

    /**
     * A whole number (an int, or a long) of at least {@code min}, or the conversion error that
     * says what it must be.
     */
    private static long wholeNumber(String value, boolean anInt, long min, String must) {
        long n;
        try {
            n = anInt ? Integer.parseInt(value.strip()) : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (n < min) {
            throw new TypeConversionException("'" + value + "': it must be " + must);
        }
        return n;
    }

    /** These options for one of {@code jobs} scenarios checked at once: the cores are shared among them. */
    ScenarioOptions sharing(int jobs) {
        workers = Math.max(1, workers / Math.max(1, jobs));
        return this;
    }

    /** The same options for one scenario of a check: its trace goes beside the others' in the temp dir. */
    ScenarioOptions copyFor(Path file) {
        ScenarioOptions o = new ScenarioOptions();
        o.seed = seed;
        o.strategy = strategy;
        o.maxSteps = maxSteps;
        o.maxExecutions = maxExecutions;
        o.preemptionBound = preemptionBound;
        o.noReduction = noReduction;
        o.runs = runs;
        o.pctFirst = pctFirst;
        o.depth = depth;
        o.noTrace = noTrace || trace == null;
        o.trace = trace == null ? null : trace.resolve("hotlock-trace-" + file.getFileName().toString().replaceFirst("\\.hlk$", "") + ".json");
        o.progress = progress;
        o.timeLimit = timeLimit;
        o.timeout = timeout;
        o.novalidateDevice = novalidateDevice;
        o.noGateLocks = noGateLocks;
        o.statementLimit = statementLimit;
        o.maxCallDepth = maxCallDepth;
        o.workers = workers;
        return o;
    }
}
