package org.hotlock.context;

import com.oracle.truffle.api.Option;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * The language's options ({@code --hotlock.MaxSteps=...} or {@code -Dpolyglot.hotlock...}):
 * limits, the scenario modes' settings, where traces go. Every one is allowed in the
 * CONSTRAINED sandbox. Read once per context or per scenario, never on a fast path.
 */
@Option.Group(HotLockOptions.LANGUAGE_ID)
public final class HotLockOptions {
    /** The language's id, as sources and contexts name it. */
    public static final String LANGUAGE_ID = "hotlock";

    private HotLockOptions() {
    }

    /** The descriptors the annotation processor generated for these options. */
    public static OptionDescriptors descriptors() {
        return new HotLockOptionsOptionDescriptors();
    }

    @Option(help = "Loop iterations and guest calls a top-level source, or one execution of a scenario, may make before it stops with an error (an endless loop?); 0 for no limit.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Long> StatementLimit = new OptionKey<>(1_000_000_000L);

    @Option(help = "Deepest nesting of guest calls (all guest threads of a context together) before a stack-overflow error.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Integer> MaxCallDepth = new OptionKey<>(5000);

    @Option(help = "Seed of the random schedule of 'run' and of PCT.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Long> Seed = new OptionKey<>(0L);

    @Option(help = "Schedule of 'run': random or round-robin.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<String> Strategy = new OptionKey<>("random");

    @Option(help = "Steps one execution may take before it is stopped.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Long> MaxSteps = new OptionKey<>(100_000L);

    @Option(help = "Executions an exploration may run before it stops, incomplete.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Long> MaxExecutions = new OptionKey<>(1_000_000L);

    @Option(help = "Most preemptions per explored schedule; -1 for no bound.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Integer> PreemptionBound = new OptionKey<>(-1);

    @Option(help = "Explore with partial-order reduction (false: every interleaving).", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Boolean> Reduce = new OptionKey<>(true);

    @Option(help = "Number of PCT runs.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Integer> PctRuns = new OptionKey<>(100);

    @Option(help = "PCT runs an exploration with reduction tries before its complete search, to find a failure sooner (0: none).", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Integer> PctFirst = new OptionKey<>(100);

    @Option(help = "Threads an exploration's complete search runs executions on, each with its own context on the engine (needs a context that may create threads; 1: the search's thread alone).", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Integer> Workers = new OptionKey<>(1);

    @Option(help = "The name of the cluster host (explore --cluster) the embedder registered (ClusterHost.register): an exploration's subtrees go to its members; empty: none.", category = OptionCategory.EXPERT, stability = OptionStability.STABLE, sandbox = SandboxPolicy.TRUSTED)
    public static final OptionKey<String> Cluster = new OptionKey<>("");

    @Option(help = "A file to record the shape of an exploration's schedule tree in (one line per execution: the steps it shares with the one before, its steps), for bench/simulate-cluster; empty: none.", category = OptionCategory.EXPERT, stability = OptionStability.STABLE, sandbox = SandboxPolicy.TRUSTED)
    public static final OptionKey<String> RecordTree = new OptionKey<>("");

    @Option(help = "Milliseconds an exploration runs alone before its workers start (a short one is over before they could help); below 0 (for tests): at once, the search waits until they are ready, and a worker explores every subtree handed over.", category = OptionCategory.EXPERT, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Long> WorkersAfter = new OptionKey<>(300L);

    @Option(help = "Bug depth d of PCT.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Integer> PctDepth = new OptionKey<>(3);

    @Option(help = "Where to save the trace of a failing execution (empty: do not save).", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<String> TraceFile = new OptionKey<>("");

    @Option(help = "The search every explore { } and pct { } statement runs as, whatever it names: explore or pct (the launcher's explore and pct commands); empty: as written.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<String> SearchMode = new OptionKey<>("");

    @Option(help = "A schedule to replay: thread names, comma separated.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<String> Replay = new OptionKey<>("");

    @Option(help = "The steps of the schedule to replay, as its trace file has them (a JSON array of thread: KIND what); each must run as recorded. Empty: not compared.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<String> ReplaySteps = new OptionKey<>("");

    @Option(help = "Which scenario statement of the script the schedule to replay is of (0 the first that runs); the others run as written. -1: every one replays it.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Integer> ReplayScenario = new OptionKey<>(-1);

    @Option(help = "Seconds an exploration or PCT may take before it stops, incomplete; 0 for no limit.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Long> TimeLimit = new OptionKey<>(0L);

    @Option(help = "Run the checkers (rules, lock order, races); false only to measure what they cost.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Boolean> Checks = new OptionKey<>(true);

    @Option(help = "Leave the per-device locks (dev->mutex) out of the lock-order graph, as lockdep does.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Boolean> LockdepNovalidateDevice = new OptionKey<>(false);

    @Option(help = "Tell a cycle guarded by a gate lock (held across every dependency of it) from a real one; false: every cycle is a cycle, as lockdep reports it.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Boolean> GateLocks = new OptionKey<>(true);

    @Option(help = "The scenario file, as recorded in saved traces.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<String> ScenarioFile = new OptionKey<>("");

    @Option(help = "Print a progress line every second during long explorations.", category = OptionCategory.USER, stability = OptionStability.STABLE, sandbox = SandboxPolicy.CONSTRAINED)
    public static final OptionKey<Boolean> Progress = new OptionKey<>(false);
}
