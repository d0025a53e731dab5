package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.io.IOAccess;
import org.hotlock.launcher.cluster.ClusterSearch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds every polyglot engine and context the launcher uses, each with the options its
 * command calls for: -e snippets, scenario files, the REPL, check's shared engine, bench.
 */
final class Contexts {
    /** A billion guest statements: minutes of work; an endless loop ends with a clear message. */
    static final long DEFAULT_STATEMENT_LIMIT = 1_000_000_000L;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    /** Built on first use and kept: the contexts of one command share compiled code. */
    private Engine engine;
    /** An engine built elsewhere is closed there. */
    private final boolean sharedEngine;
    /** The tools' and the engine's options from the command line ({@link ToolOptions}). */
    private Map<String, String> engineOptions = Map.of();
    private boolean experimentalOptions;
    private ClusterSearch cluster;
    private Map<String, String> clusterOptions = Map.of();
    private Map<String, String> lastScenarioOptions = Map.of();

    Contexts(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, null);
    }

    /** Contexts on an engine built elsewhere: check's scenarios share one. */
    Contexts(InputStream in, PrintStream out, PrintStream err, Engine shared) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.engine = shared;
        this.sharedEngine = shared != null;
    }

    /** Contexts of one scenario of check's on the shared engine, printing to {@code out}, with these engine options. */
    Contexts onEngine(Engine shared, PrintStream out) {
        Contexts c = new Contexts(new ByteArrayInputStream(new byte[0]), out, out, shared);
        c.useEngineOptions(engineOptions, experimentalOptions);
        return c;
    }

    /** Every engine (and bench's context) gets these options: --inspect, --cpusampler, --engine.*, ... */
    void useEngineOptions(Map<String, String> options, boolean experimental) {
        this.engineOptions = Map.copyOf(options);
        this.experimentalOptions = experimental;
    }

    /**
     * {@code --coverage FILE}: HotLock's kernel-coverage instrument records on every engine and
     * writes the LCOV file when the engine closes; the model's file names are resolved against
     * the source tree's models where there is one, so genhtml finds the sources. Null when it
     * will, else why the file cannot be written.
     */
    String recordKernelCoverage(Path lcov) {
        String problem = ReportPaths.problem(lcov);
        if (problem != null) {
            return problem;
        }
        try {
            Files.createDirectories(lcov.toAbsolutePath().normalize().getParent());
        } catch (IOException e) {
            return "cannot create its directory: " + AtomicFiles.reason(e);
        }
        Map<String, String> options = new LinkedHashMap<>(engineOptions);
        options.put("kernelcoverage", "true");
        options.put("kernelcoverage.OutputFile", lcov.toAbsolutePath().normalize().toString());
        Path models = modelSources();
        if (models != null) {
            options.put("kernelcoverage.SourceRoot", models.toString());
        }
        engineOptions = Map.copyOf(options);
        return null;
    }

    /** The kernel models' source directory of the checkout the language jar was built in, if it is there. */
    private static Path modelSources() {
        try {
            Path jar = Path.of(org.hotlock.sched.TraceFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                Path models = p.resolve("language/src/main/resources");
                if (Files.isDirectory(models.resolve("kernel"))) {
                    return models;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no file system location: the LCOV file names the models as kernel/VERSION/FILE
        }
        return null;
    }

    /** For {@code -e} snippets: the default statement limit and nothing else. */
    Context forSnippets() {
        return Context.newBuilder("hotlock")
                .in(in).out(out).err(err)
                .engine(engine()).allowCreateThread(debugged())
                .build();
    }

    /** The Chrome inspector is on: guest threads need threads of their own ({@code Scheduler}). */
    private boolean debugged() {
        return engineOptions.keySet().stream().anyMatch(name -> name.equals("inspect") || name.startsWith("inspect."));
    }

    /**
     * For a scenario file: the options of its command; a replayed schedule saves no new trace.
     * The explore and pct commands run the file's own explore { } and pct { } in their mode.
     */
    Context forScenario(Path file, String mode, ScenarioOptions options, String replaySchedule) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("hotlock.Seed", Long.toString(options.seed));
        o.put("hotlock.StatementLimit", Long.toString(options.statementLimit));
        o.put("hotlock.Strategy", options.strategy);
        o.put("hotlock.MaxSteps", Long.toString(options.maxSteps));
        o.put("hotlock.MaxExecutions", Long.toString(options.maxExecutions));
        o.put("hotlock.PreemptionBound", Integer.toString(options.preemptionBound));
        o.put("hotlock.Reduce", Boolean.toString(!options.noReduction));
        o.put("hotlock.PctRuns", Integer.toString(options.runs));
        o.put("hotlock.PctFirst", Integer.toString(options.pctFirst));
        o.put("hotlock.PctDepth", Integer.toString(options.depth));
        o.put("hotlock.Progress", Boolean.toString(options.progress));
        o.put("hotlock.TimeLimit", Long.toString(options.timeLimit));
        o.put("hotlock.LockdepNovalidateDevice", Boolean.toString(options.novalidateDevice));
        o.put("hotlock.GateLocks", Boolean.toString(!options.noGateLocks));
        o.put("hotlock.MaxCallDepth", Integer.toString(options.maxCallDepth));
        o.put("hotlock.ScenarioFile", file.toString());
        o.put("hotlock.Workers", Integer.toString(options.workers));
        if (!options.noTrace && replaySchedule == null) {
            String name = file.getFileName().toString().replaceFirst("\\.hlk$", "");
            o.put("hotlock.TraceFile", (options.trace != null ? options.trace : Path.of("hotlock-trace-" + name + ".json")).toString());
        }
        if (replaySchedule != null) {
            o.put("hotlock.Replay", replaySchedule);
            if (options.replaySteps != null) {
                o.put("hotlock.ReplaySteps", options.replaySteps);
            }
            o.put("hotlock.ReplayScenario", Integer.toString(options.replayScenario));
            if (!options.replaySearchMode.isEmpty()) {
                o.put("hotlock.SearchMode", options.replaySearchMode);
            }
        }
        if (mode.equals("explore") || mode.equals("pct")) {
            o.put("hotlock.SearchMode", mode);
        }
        if (cluster != null) {
            o.put("hotlock.Cluster", cluster.name());
            o.putAll(clusterOptions);
        }
        Context.Builder builder = Context.newBuilder("hotlock").in(in).out(out).err(err).engine(engine())
                .allowIO(IOAccess.ALL).options(o);
        if (options.workers > 1 || debugged()) {
            // each worker of an exploration runs on a thread of its own context; under a
            // debugger each guest thread is a Truffle thread, so that stepping stays in it
            builder.allowCreateThread(true);
        }
        lastScenarioOptions = Map.copyOf(o);
        return builder.build();
    }

    /** The options of the last scenario context built: a cluster's serving members build theirs alike. */
    Map<String, String> lastScenarioOptions() {
        return lastScenarioOptions;
    }

    /**
     * Scenario contexts from now on explore on this cluster ({@code explore --cluster}), with
     * these further options (for tests: hotlock.WorkersAfter).
     */
    void useCluster(ClusterSearch search, Map<String, String> options) {
        this.cluster = search;
        this.clusterOptions = Map.copyOf(options);
    }

    ClusterSearch cluster() {
        return cluster;
    }

    /** For the REPL: guest output goes to the terminal (the REPL shows searches' progress itself, through the session object). */
    Context forRepl(PrintStream guestOut) {
        // a long /explore uses every core, as the explore command does
        return Context.newBuilder("hotlock").in(in).out(guestOut).err(guestOut).engine(engine())
                .allowIO(IOAccess.ALL).allowCreateThread(true)
                .option("hotlock.Workers", Integer.toString(Runtime.getRuntime().availableProcessors())).build();
    }

    /** For bench: the checkers can be turned off, to measure what they cost. */
    Context forBench(boolean checks) {
        return Context.newBuilder("hotlock").out(out).err(err).options(engineOptions).allowExperimentalOptions(experimentalOptions)
                .option("engine.WarnInterpreterOnly", "false").option("hotlock.Checks", Boolean.toString(checks)).build();
    }

    /** The engine check's scenarios share; the caller closes it. */
    Engine sharedEngine() {
        return Engine.newBuilder("hotlock").out(out).err(err).options(engineOptions).allowExperimentalOptions(experimentalOptions)
                .option("engine.WarnInterpreterOnly", "false").build();
    }

    /** The Truffle runtime in use: "Interpreted" without the Graal compiler. */
    static String runtimeName() {
        try (Engine probe = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            return probe.getImplementationName();
        }
    }

    /** Closes a context; one a limit or a cancellation already ended says so again, which is not news. */
    static void close(Context context) {
        try {
            context.close();
        } catch (PolyglotException e) {
            if (!e.isCancelled() && !e.isResourceExhausted() && !e.isInterrupted()) {
                throw e;
            }
        }
    }

    /** Closes the engine this object built, if it did; the tools attached to it write their output now. */
    void closeEngine() {
        if (engine != null && !sharedEngine) {
            try {
                engine.close();
            } catch (IllegalStateException e) {
                engine.close(true);   // a context the watchdog cancelled is still unwinding
            }
            engine = null;
        }
    }

    private Engine engine() {
        if (engine == null) {
            engine = Engine.newBuilder("hotlock").in(in).out(out).err(err).options(engineOptions)
                    .allowExperimentalOptions(experimentalOptions).build();
        }
        return engine;
    }
}
