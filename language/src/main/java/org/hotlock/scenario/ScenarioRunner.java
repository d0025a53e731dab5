package org.hotlock.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;
import org.hotlock.check.Checks;
import org.hotlock.check.Expectations;
import org.hotlock.check.Finding;
import org.hotlock.check.FindingPrinter;
import org.hotlock.context.HotLockContext;
import org.hotlock.context.HotLockOptions;
import org.hotlock.kernel.GuestThread;
import org.hotlock.kernel.Kernel;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.ThreadSpec;
import org.hotlock.sched.Chooser;
import org.hotlock.sched.ExecutionLog;
import org.hotlock.sched.Explorer;
import org.hotlock.sched.Interleaving;
import org.hotlock.sched.OptimalExplorer;
import org.hotlock.sched.Outcome;
import org.hotlock.sched.ScenarioReport;
import org.hotlock.sched.ScenarioReport.Mode;
import org.hotlock.sched.Scheduler;
import org.hotlock.sched.Search;
import org.hotlock.sched.Strategies;
import org.hotlock.sched.TraceFile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the guest threads of a scenario in one of the modes: one schedule ({@code run}), every
 * schedule that matters ({@code explore}), PCT runs ({@code pct}), or a saved schedule
 * ({@code replay}). Each execution starts from the state the script had built when the
 * scenario began. Prints the report; a failure becomes a guest error, so the script exits 1.
 */
public final class ScenarioRunner {
    private final HotLockContext context;
    private final Kernel kernel;
    private final Checks checks;
    private final Node location;
    private final PrintWriter out;

    public ScenarioRunner(HotLockContext context, Node location) {
        this.context = context;
        this.kernel = context.kernel();
        this.checks = context.checks();
        this.location = location;
        this.out = context.out();
    }

    public static Mode mode(String name, Node location) {
        return switch (name) {
            case "run" -> Mode.RUN;
            case "explore" -> Mode.EXPLORE;
            case "pct" -> Mode.PCT;
            case "replay" -> Mode.REPLAY;
            default -> throw new HLException("unknown scenario mode '" + name + "' (run, explore, pct, replay)", location);
        };
    }

    private ScenarioReport last;
    /** Why this scenario's search cannot show an absence (a bound, a limit, PCT); null when it can. */
    private String incomplete;
    /** The number of the scenario running, in this context (a worker serves the one with the search's number). */
    private int scenarioIndex;

    /** What a worker's state must match to serve a search: it ran the same script to the same scenario. */
    private String fingerprint(Snapshot initial, List<ThreadSpec> threads) {
        return initial.objectCount() + " objects, " + context.setupIdentities() + " identities, kernel " + kernel.version
                + ", threads " + String.join(",", threads.stream().map(ThreadSpec::name).toList());
    }
    /** Distinct kernel WARNINGs seen across the executions, with how often each recurred. */

    public ScenarioReport lastReport() {
        return last;
    }

    @TruffleBoundary
    public ScenarioReport run(Mode mode, List<ThreadSpec> threads) {
        return run(mode, threads, null);
    }

    /**
     * Runs the scenario; with expectations, the outcome (findings and failures) must match
     * them exactly, and a failure that was expected is not an error.
     */
    @TruffleBoundary
    public ScenarioReport run(Mode mode, List<ThreadSpec> threads, List<String> expected) {
        if (kernel == null || !kernel.booted()) {
            throw new HLException("a scenario needs a kernel and a machine: declare kernel \"...\" and machine NAME { ... } first", location);
        }
        if (threads.isEmpty()) {
            throw new HLException("no threads to run: declare some, e.g. thread probe { sysfs.write(...) }", location);
        }
        GuestThread main = kernel.currentThread();
        if (!main.held().isEmpty()) {
            throw new HLException("the script holds " + main.held() + " while starting a scenario; release it first", location);
        }
        int index = context.nextScenarioIndex();
        ExplorationWorkers.WorkerOf link = workerOf();
        ClusterHost host = clusterHost();
        int served = link != null ? link.scenario() : host != null ? host.servedScenario() : -1;
        if (served >= 0) {
            // a worker of a search in another context (or process): it serves that search's
            // scenario; the scenarios before leave the state as they found it (a run changes
            // it, as there)
            if (index == served) {
                Snapshot initial = new Snapshot(context, kernel);
                long maxSteps = context.env().getOptions().get(HotLockOptions.MaxSteps);
                if (link != null) {
                    link.pool().serve(context, kernel, threads, maxSteps, initial, fingerprint(initial, threads));
                } else {
                    SubtreeExchange exchange = host.serve(fingerprint(initial, threads));
                    if (exchange != null) {
                        new ClusterWorkers(checks, exchange, Long.MAX_VALUE, false)
                                .serve(new ExplorationWorkers.Station(context, kernel, threads, maxSteps, initial));
                    }
                }
                throw new ExplorationWorkers.Served();
            }
            if (mode == Mode.EXPLORE || mode == Mode.PCT) {
                new Snapshot(context, kernel);   // the identities it gives, as the search's context gave them
                return new ScenarioReport(mode, null, 0, true, "");
            }
        }
        context.setScenarioRan(true);
        var options = context.env().getOptions();
        Mode written = mode;
        int traced = options.get(HotLockOptions.ReplayScenario);
        if (!options.get(HotLockOptions.Replay).isEmpty() && (traced < 0 || traced == index)) {
            // a replay reproduces the saved schedule whatever mode the script asked for; the
            // script's other scenarios run as they ran when the trace was saved
            mode = Mode.REPLAY;
        } else if ((mode == Mode.EXPLORE || mode == Mode.PCT) && !options.get(HotLockOptions.SearchMode).isEmpty()) {
            // `hotlock pct FILE` means PCT, also for the file's own explore { }: said, never silent
            Mode asked = mode(options.get(HotLockOptions.SearchMode), location);
            if (asked != mode) {
                out.println("note: " + where() + mode.name().toLowerCase() + " { " + String.join(", ", threads.stream().map(ThreadSpec::name).toList())
                        + " } runs as " + asked.name().toLowerCase() + ", as the command line asks"
                        + (asked == Mode.PCT ? " (PCT samples schedules; hotlock explore searches them all)" : ""));
                out.flush();
                mode = asked;
            }
        }
        long maxSteps = options.get(HotLockOptions.MaxSteps);
        Snapshot initial = new Snapshot(context, kernel);
        scenarioIndex = index;
        String names = String.join(", ", threads.stream().map(ThreadSpec::name).toList());
        ScenarioReport report;
        checks.findings().beginScope();
        boolean search = mode == Mode.EXPLORE || mode == Mode.PCT;
        if (search) {
            context.limits().beginSearch();
        }
        try {
            report = runMode(mode, threads, initial, maxSteps, names);
        } catch (RuntimeException | Error e) {
            // interrupted or cancelled in the middle of an execution: leave the state as it began
            initial.restore();
            throw e;
        } finally {
            if (search) {
                context.limits().endSearch();
            }
        }
        return afterRun(mode, written, report, initial, expected);
    }

    /** The steps the replayed trace has (the hotlock.ReplaySteps option), to compare each step with. */
    private List<String> replaySteps(String option) {
        try {
            return TraceFile.decodeSteps(option);
        } catch (IllegalArgumentException e) {
            throw new HLException("the option hotlock.ReplaySteps is " + e.getMessage(), location);
        }
    }

    /** {@code file:line: } of the scenario statement, or nothing for run_scenario(). */
    private String where() {
        var section = location == null ? null : location.getEncapsulatingSourceSection();
        return section == null || !section.isAvailable() ? "" : section.getSource().getName() + ":" + section.getStartLine() + ": ";
    }

    private ScenarioReport runMode(Mode mode, List<ThreadSpec> threads, Snapshot initial, long maxSteps, String names) {
        var options = context.env().getOptions();
        ScenarioReport report = switch (mode) {
            case RUN -> {
                String strategy = options.get(HotLockOptions.Strategy);
                long seed = options.get(HotLockOptions.Seed);
                Chooser chooser = switch (strategy) {
                    case "random" -> Strategies.random(seed);
                    case "round-robin" -> Strategies.roundRobin();
                    default -> throw new HLException("unknown strategy '" + strategy + "' (random, round-robin)", location);
                };
                Outcome o = scheduler(threads, maxSteps).run(chooser);
                String how = strategy.equals("random") ? "seed " + seed : strategy;
                yield finish(mode, o, 1, true, "run (" + how + "): threads " + names + ", " + o.trace().size() + " steps");
            }
            case REPLAY -> {
                List<String> schedule = Arrays.asList(options.get(HotLockOptions.Replay).split(","));
                Outcome o;
                try {
                    o = scheduler(threads, maxSteps).run(Strategies.replay(schedule, replaySteps(options.get(HotLockOptions.ReplaySteps))));
                } catch (Strategies.ReplayMismatch e) {
                    initial.restore();
                    throw new HLException("the trace does not match this scenario: " + e.getMessage(), location);
                }
                yield finish(mode, o, 1, true, "replay: threads " + names + ", " + o.trace().size() + " steps");
            }
            case PCT -> pct(threads, initial, maxSteps, names);
            case EXPLORE -> explore(threads, initial, maxSteps, names);
        };
        return report;
    }

    /**
     * {@code written}: the mode the script named. A replay of an exploration's failure leaves
     * the state as the exploration did (put back), so a script goes on, and ends, as it did.
     */
    private ScenarioReport afterRun(Mode mode, Mode written, ScenarioReport report, Snapshot initial, List<String> expected) {
        last = report;
        context.setLastReport(report);
        if (written == Mode.EXPLORE || written == Mode.PCT) {
            initial.restore();
        }
        var log = checks.findings();
        if (incomplete != null && report.failure() == null) {
            log.searchIncomplete(incomplete);
        }
        if (report.failure() != null) {
            Outcome f = report.failure();
            log.add(new Finding(kindOf(f), null, f.category(), firstLine(f.message()), f.message(), f.stack(),
                    f.category() + ":" + firstLine(f.message())));
        }
        FindingPrinter.printScope(out, "findings", log);
        if (expected != null) {
            // what the script found before the scenario, since the last expectation, is answered for too
            FindingPrinter.print(out, "findings before the scenario", log.unprinted());
            List<String> found = log.categories();
            String elsewhere = "";
            if (mode == Mode.REPLAY && (written == Mode.EXPLORE || written == Mode.PCT) && report.failure() != null) {
                // the replay reran the search's failing schedule, not the search: what the
                // search's other executions found is not missing from it
                List<String> others = new ArrayList<>(expected);
                others.remove("clean");
                others = new ArrayList<>(Expectations.notFound(others, found));
                if (!others.isEmpty()) {
                    expected = new ArrayList<>(expected);
                    expected.removeAll(others);
                    elsewhere = " (and, in the search's other executions, " + String.join(", ", others) + ")";
                }
            }
            String diff = Expectations.check(expected, found);
            String why = log.incompleteSinceMark();
            String inconclusive = why == null ? null : Expectations.inconclusive(expected, found, why);
            log.mark();
            if (inconclusive != null) {
                log.addInconclusive(inconclusive);
                out.print("  " + inconclusive.replace("\n", "\n  ").stripTrailing() + "\n");
                out.flush();
                return report;
            }
            if (diff != null) {
                throw new HLException(diff.stripTrailing(), location);
            }
            out.println("  expectation met: " + (found.isEmpty() ? "clean" : String.join(", ", found)) + elsewhere);
            out.flush();
            return report;
        }
        if (report.failure() != null) {
            throw new HLException(report.failure().kind() == Outcome.Kind.DEADLOCK ? "scenario failed: deadlock" : "scenario failed: " + firstLine(report.failure().message()), location);
        }
        return report;
    }

    /**
     * For the benchmark: random-schedule executions of the threads, each from the initial
     * state, for about {@code millis} milliseconds. Returns executions, scheduling points and
     * elapsed nanoseconds; failures are counted, not reported.
     */
    @TruffleBoundary
    public long[] measure(List<ThreadSpec> threads, long millis) {
        Snapshot initial = new Snapshot(context, kernel);
        long maxSteps = context.env().getOptions().get(HotLockOptions.MaxSteps);
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000L;
        long executions = 0;
        long points = 0;
        long failures = 0;
        while (System.nanoTime() < deadline) {
            initial.restore();
            Scheduler scheduler = scheduler(threads, maxSteps).restoring(initial::restore);
            Outcome o = scheduler.run(Strategies.random(executions));
            points += scheduler.points();
            executions++;
            if (o.failed()) {
                failures++;
            }
        }
        long elapsed = System.nanoTime() - start;
        initial.restore();
        return new long[]{executions, points, elapsed, failures};
    }

    private ScenarioReport explore(List<ThreadSpec> threads, Snapshot initial, long maxSteps, String names) {
        var options = context.env().getOptions();
        boolean reduce = options.get(HotLockOptions.Reduce);
        int bound = options.get(HotLockOptions.PreemptionBound);
        long maxExecutions = options.get(HotLockOptions.MaxExecutions);
        // unbounded reduction: optimal DPOR; every interleaving, or a preemption bound: the
        // explorer that can leave schedules out or run them all
        boolean optimal = reduce && bound < 0;
        long start = System.nanoTime();
        long limit = options.get(HotLockOptions.TimeLimit);
        long deadline = deadline(start);
        var station = new ExplorationWorkers.Station(context, kernel, threads, maxSteps, initial);
        int workerCount = options.get(HotLockOptions.Workers);
        List<Source> programs = context.programs();
        ClusterHost host = clusterHost();
        SubtreeExchange exchange = optimal && host != null ? host.begin(scenarioIndex, fingerprint(initial, threads)) : null;
        ClusterWorkers cluster = exchange == null ? null
                : new ClusterWorkers(checks, exchange, deadline, options.get(HotLockOptions.WorkersAfter) < 0);
        ExplorationWorkers workers = cluster == null && optimal && workerCount > 1 && programs != null
                ? new ExplorationWorkers(context, workerCount, scenarioIndex, programs, fingerprint(initial, threads), deadline,
                options.get(HotLockOptions.WorkersAfter))
                : null;
        Search search = optimal ? new OptimalExplorer().delegate(cluster != null ? cluster.searchLink(station) : workers == null ? null : workers.searchLink(station))
                : new Explorer(reduce, bound);
        TreeRecorder recorder = recorder();
        Supplier<Outcome> execution = recorder == null ? () -> ExecutionLog.seen(station.run(search, deadline)) : () -> {
            Outcome o = ExecutionLog.seen(station.run(search, deadline));
            recorder.executed(o);
            return o;
        };
        ProgressReports progress = new ProgressReports(context, checks, "explore", maxExecutions, false, search::maxDepth);
        int pctFirst = optimal ? options.get(HotLockOptions.PctFirst) : 0;
        PctResult pct = pctFirst > 0 ? pctRuns(station, pctFirst, deadline, "pct-first") : null;
        if (pct != null && pct.failure() != null) {
            // a failure is a failure however it was found; the complete search is not needed
            String summary = String.format("explore (PCT first, depth %d, seed %d): threads %s, failure found by PCT run %d of %d, before the complete search (--pct-first 0 to skip), %.2f s",
                    options.get(HotLockOptions.PctDepth), options.get(HotLockOptions.Seed), names, pct.done(), pctFirst, (System.nanoTime() - start) / 1e9);
            return finish(Mode.EXPLORE, pct.failure(), pct.done(), false, summary);
        }
        Explorer.Result r;
        try {
            r = search.explore(execution, maxExecutions, progress::executed);
            progress.finished(r.executions());
        } finally {
            if (workers != null) {
                workers.stop();
            }
            if (exchange != null) {
                host.end(exchange);
            }
            if (recorder != null) {
                closeRecorder(recorder);
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        String how = (!reduce ? "every interleaving" : bound >= 0 ? "DPOR" : "optimal DPOR") + (bound >= 0 ? ", preemption bound " + bound : "");
        List<String> notes = new ArrayList<>();
        OptimalExplorer optimalExplorer = search instanceof OptimalExplorer o ? o : null;
        if (optimalExplorer != null && optimalExplorer.learned() > 0) {
            notes.add(optimalExplorer.learned() + " cut short: a reversed race only made a trylock fail and restart");
        }
        if (r.abandoned() > 0) {
            notes.add(r.abandoned() + " abandoned as redundant");
        }
        // a race reversal the program did not follow: a step depends on something the
        // dependence relation does not see (a bug of HotLock's, or a model reading shared state
        // it does not declare shared); the schedules its branch stood for may not have run
        long unfollowed = optimalExplorer == null ? 0 : optimalExplorer.wakeupMismatches();
        if (unfollowed > 0) {
            notes.add(unfollowed + " reversed races the program did not follow");
        }
        if (pct != null) {
            notes.add("after " + pct.done() + " PCT runs that found no failure");
        }
        if (workers != null && workers.ran() > 0) {
            notes.add(workers.ran() + " in subtrees explored in parallel, " + workerCount + " workers");
        }
        if (cluster != null && cluster.ran() > 0) {
            notes.add(cluster.ran() + " in subtrees explored through the cluster");
        }
        if (workers != null) {
            for (String problem : workers.problems()) {
                context.err().println("hotlock: explore --workers " + workerCount + ": " + problem + "; the search explored without it");
            }
        }
        if (cluster != null) {
            for (String problem : cluster.problems()) {
                context.err().println("hotlock: explore --cluster: " + problem + "; the search explored it itself");
            }
        }
        String summary = String.format("explore (%s): threads %s, %d executions%s, max depth %d, %.2f s",
                how, names, r.executions(), notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")", r.maxDepth(), secs);
        boolean complete = !r.bounded() && unfollowed == 0;
        if (r.failure() == null) {
            if (!complete) {
                List<String> reasons = new ArrayList<>();
                if (bound >= 0) {
                    reasons.add("preemption bound " + bound);
                }
                if (r.executions() >= maxExecutions) {
                    reasons.add(maxExecutions + " executions, --max-executions");
                }
                if (r.timedOut()) {
                    reasons.add(context.limits().stopRequested() ? "stopped by the user" : "time limit " + limit + " s, --time-limit");
                }
                if (r.bounded()) {
                    summary += "\n  INCOMPLETE: the search hit its bound (" + String.join("; ", reasons) + ") after " + r.executions()
                            + " executions, max depth " + r.maxDepth() + "; schedules beyond it were not explored";
                } else {
                    reasons.add(unfollowed + " reversed races not followed");
                    summary += "\n  INCOMPLETE: " + unfollowed + " reversed races the program did not follow: a step depends on"
                            + " something the dependence does not see (shared state not declared shared, or a HotLock bug),"
                            + " and the schedules they stood for may not have run";
                }
                incomplete = "explore stopped INCOMPLETE (" + String.join("; ", reasons) + ")";
            }
        }
        return finish(Mode.EXPLORE, r.failure() == null ? null : r.failure(), r.executions(), complete, summary);
    }

    /** When the scenario's time limit (--time-limit) runs out, counted from {@code start}; never without one. */
    private long deadline(long start) {
        long limit = context.env().getOptions().get(HotLockOptions.TimeLimit);
        return limit > 0 ? start + limit * 1_000_000_000L : Long.MAX_VALUE;
    }

    /** In a worker's context, which search it serves (see ExplorationWorkers); null otherwise. */
    private ExplorationWorkers.WorkerOf workerOf() {
        return context.env().getConfig().get(ExplorationWorkers.CONFIG_KEY) instanceof ExplorationWorkers.WorkerOf w ? w : null;
    }

    /** Where this exploration records its tree's shape (hotlock.RecordTree), or null. */
    private TreeRecorder recorder() {
        String path = context.env().getOptions().get(HotLockOptions.RecordTree);
        if (path.isEmpty()) {
            return null;
        }
        try {
            return new TreeRecorder(context.env().getPublicTruffleFile(path));
        } catch (IOException | RuntimeException e) {
            throw new HLException("cannot record the schedule tree in " + path + ": " + e.getMessage(), location);
        }
    }

    private void closeRecorder(TreeRecorder recorder) {
        try {
            recorder.close();
        } catch (IOException e) {
            context.err().println("hotlock: the recorded schedule tree is incomplete: " + e.getMessage());
        }
    }

    /** The cluster this context's explorations use (explore --cluster), or null. */
    private ClusterHost clusterHost() {
        String name = context.env().getOptions().get(HotLockOptions.Cluster);
        return name.isEmpty() ? null : ClusterHost.named(name);
    }

    /** What PCT runs found: the first failure, if any, how many runs were done, whether time ran out. */
    private record PctResult(Outcome failure, int done, boolean timedOut) {
    }

    /**
     * PCT runs of the threads, each from the initial state, until one fails: a first random
     * run measures the steps k, then runs with seeds seed+1, seed+2, ... (Burckhardt et al.).
     */
    private PctResult pctRuns(ExplorationWorkers.Station station, int runs, long deadline, String mode) {
        var options = context.env().getOptions();
        int depth = options.get(HotLockOptions.PctDepth);
        long seed = options.get(HotLockOptions.Seed);
        Outcome first = station.run(Strategies.random(seed), deadline);
        int[] k = {Math.max(1, first.trace().size())};
        ProgressReports progress = new ProgressReports(context, checks, mode, runs, true, () -> k[0]);
        int done = 1;
        Outcome failure = first.failed() ? first : null;
        boolean timedOut = first.kind() == Outcome.Kind.TIME_BOUND;
        for (int i = 1; i < runs && failure == null && !timedOut; i++) {
            if (System.nanoTime() > deadline || context.limits().stopRequested()) {
                timedOut = true;
                break;
            }
            Outcome o = station.run(Strategies.pct(seed + i, depth, k[0], station.threads().size()), deadline);
            k[0] = Math.max(k[0], o.trace().size());
            done++;
            progress.executed(done);
            timedOut = o.kind() == Outcome.Kind.TIME_BOUND;
            if (o.failed()) {
                failure = o;
            }
        }
        progress.finished(done);
        return new PctResult(failure, done, timedOut);
    }

    private ScenarioReport pct(List<ThreadSpec> threads, Snapshot initial, long maxSteps, String names) {
        var options = context.env().getOptions();
        int runs = options.get(HotLockOptions.PctRuns);
        int depth = options.get(HotLockOptions.PctDepth);
        long seed = options.get(HotLockOptions.Seed);
        long limit = options.get(HotLockOptions.TimeLimit);
        PctResult pct = pctRuns(new ExplorationWorkers.Station(context, kernel, threads, maxSteps, initial), runs, deadline(System.nanoTime()), "pct");
        Outcome failure = pct.failure();
        int done = pct.done();
        boolean timedOut = pct.timedOut();
        String summary = "pct (depth " + depth + ", seed " + seed + "): threads " + names + ", " + done + " of " + runs + " runs";
        if (timedOut) {
            summary += context.limits().stopRequested() ? "\n  INCOMPLETE: stopped by the user after " + done + " runs"
                    : "\n  INCOMPLETE: the time limit of " + limit + " s ran out after " + done + " runs (raise it with --time-limit)";
        }
        // PCT samples schedules: it finds failures, it never shows there are none
        incomplete = "pct ran " + done + " sampled schedule" + (done == 1 ? "" : "s") + (timedOut ? " before its time limit" : "")
                + " (hotlock explore searches them all)";
        return finish(Mode.PCT, failure, done, !timedOut, summary);
    }

    /** A scheduler for one execution of the threads, in this context. */
    private Scheduler scheduler(List<ThreadSpec> threads, long maxSteps) {
        return new Scheduler(kernel, threads, maxSteps, context.env(), context.limits());
    }

    private ScenarioReport finish(Mode mode, Outcome outcome, long executions, boolean complete, String summary) {
        Outcome failure = outcome != null && outcome.failed() ? outcome : null;
        StringBuilder sb = new StringBuilder(summary).append('\n');
        if (failure == null) {
            // "clean" only when nothing was found: findings are not failures, but they are the result
            String found = FindingPrinter.headline(checks.findings().scope());
            boolean everySchedule = complete && mode == Mode.EXPLORE;
            if (found.equals("clean") && (mode == Mode.PCT || mode == Mode.EXPLORE && !complete)) {
                // nothing found in a sample of the schedules is no claim that nothing is there
                found = mode == Mode.PCT ? "nothing found in " + executions + " PCT run" + (executions == 1 ? "" : "s")
                        + " (a sample of the schedules: no proof of absence)"
                        : "nothing found in the schedules explored (the search stopped early: no proof of absence)";
            }
            sb.append("  result: ").append(found)
                    .append(everySchedule ? (found.equals("clean") ? " (every schedule explored)" : ", every schedule explored") : "").append('\n');
        } else {
            sb.append("  result: FAILED in execution ").append(executions).append(": ").append(failure.message().replace("\n", "\n  ")).append('\n');
            sb.append("\ninterleaving:\n").append(Interleaving.table(failure));
            if (failure.thread() != null) {
                sb.append("\n").append(failure.thread()).append(" failed at:\n");
            }
            for (String frame : failure.stack()) {
                sb.append("    ").append(frame).append('\n');
            }
            String saved = saveTrace(mode, failure);
            if (saved != null) {
                sb.append("\ntrace saved to ").append(saved).append("; replay it with: hotlock replay ").append(saved).append('\n');
            }
        }
        out.print(sb);
        out.flush();
        return new ScenarioReport(mode, failure, executions, complete, summary);
    }

    private String saveTrace(Mode mode, Outcome failure) {
        String path = context.env().getOptions().get(HotLockOptions.TraceFile);
        if (path.isEmpty() || workerOf() != null) {
            return null;   // (a worker replaying the script saves nothing: the search's context did)
        }
        try {
            TruffleFile file = context.env().getPublicTruffleFile(path);
            String scenario = scenarioName();
            String relative = scenario;
            String absolute = scenario;
            if (!scenario.isEmpty()) {
                // relative to the trace's directory, so a replay works from anywhere and after
                // moving the trace and the scenarios together; the absolute path if only the trace moves
                TruffleFile scenarioFile = context.env().getPublicTruffleFile(scenario).getAbsoluteFile().normalize();
                absolute = scenarioFile.getPath();
                relative = file.getAbsoluteFile().normalize().getParent().relativize(scenarioFile).getPath();
            }
            var options = context.env().getOptions();
            TraceFile.Settings settings = new TraceFile.Settings(options.get(HotLockOptions.MaxSteps), options.get(HotLockOptions.StatementLimit),
                    options.get(HotLockOptions.MaxCallDepth), options.get(HotLockOptions.GateLocks), options.get(HotLockOptions.LockdepNovalidateDevice));
            String json = TraceFile.write(relative, absolute, scenarioIndex, options.get(HotLockOptions.SearchMode), kernel.version,
                    mode.name().toLowerCase(), settings, failure);
            TruffleFile tmp = context.env().getPublicTruffleFile(path + ".tmp");
            try (OutputStream os = tmp.newOutputStream()) {
                os.write(json.getBytes(StandardCharsets.UTF_8));
            }
            tmp.move(file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return path;
        } catch (Exception e) {
            context.err().println("hotlock: could not save the trace to " + path + ": " + e.getMessage());
            return null;
        }
    }

    private String scenarioName() {
        return context.env().getOptions().get(HotLockOptions.ScenarioFile);
    }

    private static Finding.Kind kindOf(Outcome o) {
        return switch (o.category()) {
            case "deadlock" -> Finding.Kind.DEADLOCK;
            case "bug" -> Finding.Kind.BUG;
            case "invariant" -> Finding.Kind.INVARIANT;
            default -> Finding.Kind.ERROR;
        };
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.replaceFirst(": error: ", ": ");
    }
}
