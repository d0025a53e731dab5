package org.hotlock.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleContext;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.source.Source;
import org.hotlock.check.CheckRecord;
import org.hotlock.check.Checks;
import org.hotlock.context.HotLockContext;
import org.hotlock.kernel.Kernel;
import org.hotlock.runtime.ThreadSpec;
import org.hotlock.sched.Chooser;
import org.hotlock.sched.Delegation;
import org.hotlock.sched.OptimalExplorer;
import org.hotlock.sched.Outcome;
import org.hotlock.sched.Scheduler;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The workers of one exploration ({@code --workers N}): N-1 contexts on the search's engine,
 * each on its own thread, each having run the script's sources again up to the same scenario.
 * When a worker waits, the search hands it a subtree of the schedule tree (see
 * {@link OptimalExplorer.Subtree}), the biggest it can; the worker explores it with a search of
 * its own and keeps what it found until the search, in its own order, comes to that subtree and
 * takes it. Workers start once the search has run for a while (a short one is done before
 * they could help).
 */
final class ExplorationWorkers {
    /** The key under which a worker's context finds its pool (TruffleContext config). */
    static final String CONFIG_KEY = "hotlock.exploration-worker";

    /** What a worker context needs to serve the search: the pool, and which scenario to serve. */
    record WorkerOf(ExplorationWorkers pool, int scenario) {
    }

    /** Unwinds a worker's script once it has served: nothing after the scenario runs in it. */
    static final class Served extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Served() {
            super("served", null, false, false);
        }
    }

    private final HotLockContext context;
    private final Checks checks;
    private final int workers;
    private final int scenario;
    private final List<Source> programs;
    private final String fingerprint;
    private final long deadline;
    private final long startAt;
    private final Thread searchThread;
    /**
     * For tests (WorkersAfter below 0): the search waits for every worker before handing
     * anything over, and for a worker to explore every subtree it hands over.
     */
    private final boolean waitForWorkers;
    private final CountDownLatch ready;

    /** A subtree on its way: waiting, being explored, or taken back by the search that handed it over. */
    private static final class Ticket {
        static final int WAITING = 0;
        static final int RUNNING = 1;
        static final int TAKEN_BACK = 2;
        final OptimalExplorer.Subtree subtree;
        final Set<String> inCycles;
        final AtomicInteger state = new AtomicInteger(WAITING);
        volatile OptimalExplorer.Explored explored;
        /** Set after explored: whoever waits for it reads explored then. */
        volatile boolean done;

        Ticket(OptimalExplorer.Subtree subtree, Set<String> inCycles) {
            this.subtree = subtree;
            this.inCycles = inCycles;
        }
    }

    private final ConcurrentLinkedQueue<Ticket> queue = new ConcurrentLinkedQueue<>();
    /** Every subtree handed over and not yet taken back, to cancel when the search stops early. */
    private final Set<Ticket> all = ConcurrentHashMap.newKeySet();
    private final AtomicInteger idle = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final List<TruffleContext> contexts = new ArrayList<>();
    private boolean started;
    private volatile boolean stopped;
    private long ran;
    private final List<String> problems = new ArrayList<>();

    ExplorationWorkers(HotLockContext context, int workers, int scenario, List<Source> programs, String fingerprint,
                       long deadline, long startAfterMillis) {
        this.context = context;
        this.checks = context.checks();
        this.workers = workers;
        this.scenario = scenario;
        this.programs = programs;
        this.fingerprint = fingerprint;
        this.deadline = deadline;
        this.startAt = System.nanoTime() + Math.max(0, startAfterMillis) * 1_000_000L;
        this.waitForWorkers = startAfterMillis < 0;
        this.ready = new CountDownLatch(workers - 1);
        this.searchThread = Thread.currentThread();
    }

    /**
     * Where a thread explores: its context, at the scenario's initial state. The search's
     * thread has one, each worker's thread one; any of them explores subtrees handed over.
     */
    record Station(HotLockContext context, Kernel kernel, List<ThreadSpec> threads, long maxSteps, Snapshot initial) {
        /** One execution of the threads from the scenario's initial state, with this chooser. */
        Outcome run(Chooser chooser, long deadline) {
            initial.restore();
            return new Scheduler(kernel, threads, maxSteps, context.env(), context.limits()).deadline(deadline)
                    .restoring(initial::restore).run(chooser);
        }
    }

    /**
     * One search's view of the workers: subtrees it hands over go to whoever waits, and what
     * the checks found in one it takes goes where its own findings go (the context's log for
     * the exploration's search; a worker's search's own record, for the search above it).
     */
    final class Link implements Delegation {
        private final Station station;
        private final Consumer<OptimalExplorer.Explored> sink;

        Link(Station station, Consumer<OptimalExplorer.Explored> sink) {
            this.station = station;
            this.sink = sink;
        }

        @Override
        public boolean wanted() {
            return ExplorationWorkers.this.wanted();
        }

        @Override
        public void delegate(OptimalExplorer.Subtree subtree) {
            Ticket t = new Ticket(subtree, inCycles());
            subtree.attach(t);
            all.add(t);
            queue.add(t);
        }

        @Override
        public OptimalExplorer.Explored take(OptimalExplorer.Subtree subtree) {
            return ExplorationWorkers.this.take((Ticket) subtree.attachment(), station);
        }

        @Override
        public void accept(OptimalExplorer.Explored explored) {
            sink.accept(explored);
        }
    }

    /** The search's own link: what it takes goes into the context's checks. */
    Link searchLink(Station station) {
        return new Link(station, x -> {
            ((CheckRecord) x.checks()).applyTo(checks);
            ran += x.executions();
        });
    }

    private boolean wanted() {
        if (!started) {
            if (System.nanoTime() < startAt) {
                return false;
            }
            start();
            if (waitForWorkers) {
                // for tests: every worker serves (or has given up) before anything is handed over
                TruffleSafepoint.setBlockedThreadInterruptible(null, CountDownLatch::await, ready);
            }
        }
        return idle.get() > queue.size();
    }

    /** The lock graph's cycles now, when read on the search's thread; none known otherwise (see CheckRecord). */
    private Set<String> inCycles() {
        return Thread.currentThread() == searchThread ? checks.lockGraph().inCycles() : Set.of();
    }

    /**
     * The exploration of a subtree handed over, for the search that now comes to it: null when
     * nobody has started it (nobody will), else when it is done. While it is not, this thread
     * explores others that wait (so that no thread idles while there is work).
     */
    private OptimalExplorer.Explored take(Ticket t, Station station) {
        all.remove(t);
        // (tests wait for a worker to explore every subtree handed over, so that some are)
        if (!waitForWorkers && t.state.compareAndSet(Ticket.WAITING, Ticket.TAKEN_BACK)) {
            queue.remove(t);
            return null;
        }
        long polls = 0;
        idle.incrementAndGet();
        try {
            while (!t.done) {
                if (context.limits().stopRequested()) {
                    // stopped by the user (the REPL's Ctrl-C): the worker gives the subtree up at
                    // its next execution, and the search's own executions end at once
                    t.subtree.cancel();
                }
                if ((stopped || t.subtree.cancelled()) && t.state.compareAndSet(Ticket.WAITING, Ticket.TAKEN_BACK)) {
                    // nobody will start it now (the search has stopped, or gave it up)
                    queue.remove(t);
                    return null;
                }
                Ticket other = stopped ? null : queue.poll();
                if (other == t && waitForWorkers) {
                    queue.add(t);   // for a worker (see above)
                    other = null;
                }
                if (other != null && other.state.compareAndSet(Ticket.WAITING, Ticket.RUNNING)) {
                    idle.decrementAndGet();
                    try {
                        explore(other, station);
                    } finally {
                        idle.incrementAndGet();
                    }
                    continue;
                }
                polls++;
                TruffleSafepoint.poll(null);
                LockSupport.parkNanos(polls < 10_000 ? 20_000 : 1_000_000);
            }
        } finally {
            idle.decrementAndGet();
        }
        return t.explored;
    }

    /** Explores a subtree handed over, on this thread, in its station's context. */
    private void explore(Ticket ticket, Station station) {
        Checks stationChecks = station.context().checks();
        CheckRecord outer = stationChecks.recording();
        OptimalExplorer.Explored explored = null;
        try {
            OptimalExplorer search = new OptimalExplorer(ticket.subtree);
            CheckRecord record = new CheckRecord(checks, ticket.inCycles);
            stationChecks.recordInto(record);
            search.delegate(new Link(station, x -> record.merge((CheckRecord) x.checks())));
            search.explore(() -> station.run(search, deadline), Long.MAX_VALUE, null);
            explored = search.explored();
            explored.attachChecks(record);
        } finally {
            stationChecks.recordInto(outer);
            ticket.explored = explored;   // null when it failed here: the search explores it itself
            ticket.done = true;
        }
    }

    /** Executions run in subtrees handed over, that the searches took. */
    long ran() {
        return ran;
    }

    /** What kept a worker from helping (it could not start, or its state differed), if anything did. */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** Ends the workers' loops, waits for their threads and closes their contexts. */
    @TruffleBoundary
    void stop() {
        stopped = true;
        for (Ticket t : all) {
            t.subtree.cancel();   // a failure found, a limit hit: what they would find is not needed
        }
        for (Thread t : threads) {
            TruffleSafepoint.setBlockedThreadInterruptible(null, Thread::join, t);
        }
        for (TruffleContext c : contexts) {
            try {
                c.close();
            } catch (RuntimeException e) {
                problem("a worker's context did not close: " + e.getMessage());
            }
        }
    }

    private synchronized void problem(String what) {
        if (!problems.contains(what)) {
            problems.add(what);
        }
    }

    @TruffleBoundary
    private void start() {
        started = true;
        var env = context.env();
        if (!env.isCreateThreadAllowed()) {
            problem("the context may not create threads (Context.Builder.allowCreateThread(true))");
            while (ready.getCount() > 0) {
                ready.countDown();
            }
            return;
        }
        for (int i = 1; i < workers; i++) {
            try {
                TruffleContext inner = env.newInnerContextBuilder()
                        .initializeCreatorContext(true)
                        .inheritAllAccess(true)
                        .out(OutputStream.nullOutputStream())
                        .err(OutputStream.nullOutputStream())
                        .config(CONFIG_KEY, new WorkerOf(this, scenario))
                        .build();
                contexts.add(inner);
                // a thread of the search's context, which evaluates in the worker's (entering it)
                Thread thread = env.newTruffleThreadBuilder(() -> runScript(inner)).build();
                thread.setDaemon(true);
                thread.setName("hotlock-worker-" + i);
                threads.add(thread);
                thread.start();
            } catch (RuntimeException e) {
                problem("a worker could not start: " + e.getMessage());
                ready.countDown();
            }
        }
    }

    /** A worker's thread: the script's sources again, until the scenario serves and unwinds. */
    private void runScript(TruffleContext inner) {
        try {
            runScriptUntilServed(inner);
        } finally {
            ready.countDown();   // served, or will not (a second count changes nothing the search waits for)
        }
    }

    private void runScriptUntilServed(TruffleContext inner) {
        for (Source source : programs) {
            if (stopped) {
                return;
            }
            try {
                inner.evalInternal(null, source);
            } catch (RuntimeException e) {
                if (isServed(e)) {
                    return;
                }
                // the search's context met the same error in the same place, and went on
            }
        }
        problem("a worker ran the whole script without reaching the scenario");
    }

    private static boolean isServed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Served) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ a worker's side

    /**
     * Serves the search from a worker's context, which has reached the scenario: runs the
     * predictions it takes, from the scenario's initial state, until the search stops.
     */
    @TruffleBoundary
    void serve(HotLockContext worker, Kernel kernel, List<ThreadSpec> threadSpecs, long maxSteps, Snapshot initial, String state) {
        if (!fingerprint.equals(state)) {
            problem("a worker's script reached a different state (" + state + " where the search has " + fingerprint
                    + "): something outside the script changed the search's context");
            return;
        }
        Station station = new Station(worker, kernel, threadSpecs, maxSteps, initial);
        idle.incrementAndGet();
        ready.countDown();
        while (true) {
            Ticket ticket = next();
            if (ticket == null) {
                return;
            }
            try {
                explore(ticket, station);
            } catch (RuntimeException e) {
                // the search explores that subtree itself, and meets the same error if it is one
                problem("a worker stopped: " + e.getMessage());
                return;
            } finally {
                idle.incrementAndGet();
            }
        }
    }

    /** The next subtree handed over, taken; null when the search has stopped. */
    private Ticket next() {
        long polls = 0;
        while (!stopped) {
            Ticket t = queue.poll();
            if (t != null && t.state.compareAndSet(Ticket.WAITING, Ticket.RUNNING)) {
                idle.decrementAndGet();
                return t;
            }
            if (t == null) {
                // waking a thread costs the search more than a worker's looking again soon
                polls++;
                TruffleSafepoint.poll(null);
                LockSupport.parkNanos(polls < 1000 ? 50_000 : 1_000_000);
            }
        }
        return null;
    }
}
