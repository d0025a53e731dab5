package org.hotlock.sched;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.nodes.ControlFlowException;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.kernel.Event;
import org.hotlock.kernel.FieldKey;
import org.hotlock.kernel.GuestThread;
import org.hotlock.kernel.InvariantException;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelDeadlockException;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.KernelReports;
import org.hotlock.kernel.LockMode;
import org.hotlock.kernel.SysfsKey;
import org.hotlock.kernel.ThreadScheduler;
import org.hotlock.runtime.GuestLimits;
import org.hotlock.runtime.GuestNamed;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.ThreadSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one execution of a set of guest threads, deterministically: exactly one guest thread
 * runs at a time, each as a {@link Driver}: a continuation on the scheduler's thread, or a
 * Truffle thread holding a baton where the JVM does not export jdk.internal.vm. At every
 * scheduling point the running thread records what it is about to do and yields; the
 * {@link Chooser} picks who goes next. A thread that waits for a lock is not picked until the
 * lock is released. Same choices, same execution.
 */
public final class Scheduler implements ThreadScheduler {
    /** Continuations when the JVM allows them; otherwise Truffle threads with a baton. */
    static final boolean CONTINUATIONS = continuationsAvailable();

    /** Whether this JVM lets HotLock use continuations (--add-exports java.base/jdk.internal.vm=...). */
    private static boolean continuationsAvailable() {
        try {
            return Object.class.getModule().isExported("jdk.internal.vm", Scheduler.class.getModule());
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** What a chooser sees here: this scheduler's threads as they stand. */
    private final class View implements StateView {
        @Override
        public int threadCount() {
            return runners.size();
        }

        @Override
        public boolean enabled(int id) {
            return enabledNow[id];
        }

        @Override
        public int enabledCount() {
            return enabledCount;
        }

        @Override
        public int enabledId(int k) {
            return enabledIds[k];
        }

        @Override
        public boolean done(int id) {
            return runners.get(id).done();
        }

        @Override
        public Event pending(int id) {
            Runner r = runners.get(id);
            // a finished thread still shows its last step, which will not run again
            return r.done() ? r.pending : asOfNow(r.pending);
        }

        @Override
        public String name(int id) {
            return runners.get(id).name();
        }

        @Override
        public int previous() {
            return previous;
        }
    }

    private final Kernel kernel;
    /** The context's environment: whether it may create threads, for guest threads without continuations. */
    private final TruffleLanguage.Env env;
    /** The context's guest call depth, which unfinished threads would leave raised. */
    private final GuestLimits limits;
    private final List<Runner> runners = new ArrayList<>();
    private final List<Event> trace = new ArrayList<>();
    private final List<Integer> schedule = new ArrayList<>();
    private final StateView view = new View();
    /** Which threads can run, as of this scheduling point (what the chooser sees). */
    private boolean[] enabledNow = new boolean[8];
    /** The ids of those threads, ascending, and how many there are. */
    private int[] enabledIds = new int[8];
    private int enabledCount;
    /**
     * The ids of the threads that have not ended (ascending; one that ended is dropped at the
     * next scheduling point): a step looks at these only, so a scenario whose threads come and
     * go costs per step what its live threads do, not all it ever spawned.
     */
    private int[] live = new int[8];
    private int liveCount;
    /** How many threads bear each name (a spawn's thread is named NAME#N after them). */
    private final Map<String, Integer> namesTaken = new HashMap<>();
    private static final int NOT_DECIDED = -2;
    /** A choice made at a thread's scheduling point before it yielded, or NOT_DECIDED. */
    private int decided = NOT_DECIDED;
    private Chooser chooser;
    private int step;
    /** The step under way, until the chooser is told of it. */
    private Runner stepRunner;
    private Event stepEvent;
    private final long maxSteps;
    private long deadline = Long.MAX_VALUE;
    private Runner current;
    private int previous = -1;
    private long points;

    /** The threads the execution starts with, for a replay (see {@link #restoring}). */
    private final List<ThreadSpec> specs;
    /** Puts the execution's initial state back, or null when the caller cannot. */
    private Runnable restore;
    /** Guest threads as Truffle threads though continuations are there: a debugger is attached ({@link Debuggers}). */
    private final boolean threadsForDebugger;
    /** Whether a blocking thread's stack is taken when it blocks, for a deadlock's report. */
    private boolean blockedStacks = true;

    public Scheduler(Kernel kernel, List<ThreadSpec> threads, long maxSteps, TruffleLanguage.Env env, GuestLimits limits) {
        this.kernel = kernel;
        this.specs = threads;
        this.env = env;
        this.limits = limits;
        this.maxSteps = maxSteps;
        // a debugger steps per host thread: give each guest thread one while it is attached
        boolean debugged = CONTINUATIONS && Debuggers.attached(env);
        this.threadsForDebugger = debugged && env.isCreateThreadAllowed();
        if (debugged && !threadsForDebugger) {
            Debuggers.warnContinuations(env);
        }
        for (ThreadSpec spec : threads) {
            add(spec.name(), spec.body(), NO_ARGUMENTS, null);
        }
    }

    /** A handle on a spawned thread, for join. */
    public record Handle(Runner runner) implements TruffleObject, GuestNamed {
        @Override
        public String guestTypeName() {
            return "thread";
        }

        @Override
        public String toString() {
            return "thread " + runner.name();
        }
    }

    /** Starts a new guest thread running the function; it is scheduled like the others. */
    @Override
    @TruffleBoundary
    public Handle spawn(HLFunction body) {
        return spawn(body, NO_ARGUMENTS, null);
    }

    private static final Object[] NO_ARGUMENTS = new Object[0];

    /**
     * Starts a new guest thread running the function on the arguments. A worker of queued
     * work ({@code location} not null) runs inside the kernel: its whole run is a kernel
     * operation, so no other thread leaving the kernel checks the invariants while it is half
     * way through, and the invariants are checked when it ends.
     */
    @Override
    @TruffleBoundary
    public Handle spawn(HLFunction body, Object[] arguments, Node location) {
        // the thread is made in the spawn's step: spawns write the table of threads, so their
        // order (which fixes the new threads' numbers and names) is part of the schedule
        Runner parent = current;
        point(Event.Kind.WRITE, SPAWNS, true, "spawn " + body.name());
        int n = namesTaken.getOrDefault(body.name(), 0) + 1;
        String name = n == 1 ? body.name() : body.name() + "#" + n;
        Runner runner = add(name, body, arguments, location);
        kernel.threadSpawned(parent.thread, runner.thread);
        return new Handle(runner);
    }

    /** The table of guest threads, as shared state: every spawn writes it. */
    static final Object SPAWNS = new ThreadTable();

    /** The table of guest threads: one value, the same in every context. */
    record ThreadTable() {
        @Override
        public String toString() {
            return "the threads";
        }
    }

    /** Waits until the thread has ended. */
    @Override
    @TruffleBoundary
    public void join(Object threadHandle, Node location) {
        Handle handle = (Handle) threadHandle;
        Runner r = current;
        if (handle.runner() == r) {
            throw new HLException(r.name() + " joins itself: it would wait forever", location);
        }
        Runner child = handle.runner();
        if (child.done()) {
            point(Event.Kind.WAKE, new ThreadKey(child.id), false, "join " + child.name());
        } else {
            // the join is one step, after the thread's end: waiting for it is no step of its
            // own (whether the thread ended before the join was reached changes nothing)
            r.joining = child;
            r.blockedStack = blockedStacks ? KernelReports.currentStack(location) : null;
            r.pending = new Event(r.id, Event.Kind.WAKE, new ThreadKey(child.id), false, "join " + child.name());
            points++;
            current.continuation.suspend();
        }
        kernel.threadJoined(r.thread, handle.runner().thread);
    }

    /** A guest thread as shared state: joining reads it (after its last step). */
    record ThreadKey(int id) {
    }

    private Runner add(String name, HLFunction body, Object[] arguments, Node work) {
        int id = runners.size();
        GuestThread thread = new GuestThread(name, id + 1);
        Runner[] self = new Runner[1];
        Runnable run = () -> {
            try {
                if (work == null) {
                    body.callTarget().call(arguments);
                } else {
                    runWork(thread, body, arguments, work);
                }
            } catch (ThreadDeath | ControlFlowException e) {
                throw e;
            } catch (Throwable t) {
                self[0].failure = t;
            }
        };
        Driver continuation = CONTINUATIONS && !threadsForDebugger ? new ContinuationDriver(run) : threadDriver(run);
        Runner runner = new Runner(id, thread, continuation);
        self[0] = runner;
        runner.pending = new Event(id, Event.Kind.START, null, false, "start");
        runners.add(runner);
        if (liveCount == live.length) {
            live = Arrays.copyOf(live, live.length * 2);
        }
        live[liveCount++] = id;
        int hash = name.indexOf('#');
        namesTaken.merge(hash < 0 ? name : name.substring(0, hash), 1, Integer::sum);
        return runner;
    }

    /** A worker's run: one kernel operation, after which the invariants must hold if it was the last. */
    private void runWork(GuestThread thread, HLFunction body, Object[] arguments, Node location) {
        String description = body.name() + " (queued work)";
        kernel.enterOperation(thread, description);
        try {
            body.callTarget().call(arguments);
        } catch (RuntimeException | Error e) {
            kernel.abortOperation(thread);
            throw e;
        }
        String broken = kernel.exitOperation(thread);
        if (broken != null) {
            throw InvariantException.after(broken, thread.name() + ": " + description, location);
        }
    }

    /** Stops the execution (as incomplete) when System.nanoTime() passes this. */
    public Scheduler deadline(long nanoTime) {
        this.deadline = nanoTime;
        return this;
    }

    private Driver threadDriver(Runnable run) {
        if (!env.isCreateThreadAllowed()) {
            throw new HLException("guest threads need the JVM option --add-exports java.base/jdk.internal.vm=ALL-UNNAMED "
                    + "(bin/hotlock passes it), or a context that may create threads (Context.Builder.allowCreateThread(true))", null);
        }
        return new ThreadDriver(env, run);
    }

    /** Scheduling points passed, over this scheduler's life: for the benchmark. */
    public long points() {
        return points;
    }

    /**
     * The caller can put the initial state back: then a blocking thread's stack is not taken
     * when it blocks (a stack walk of compiled code costs more than the rest of the step), and
     * an execution that ends in a deadlock is run again, same schedule, with the checkers
     * muted, for the stacks its report shows.
     */
    public Scheduler restoring(Runnable initialState) {
        this.restore = initialState;
        this.blockedStacks = false;
        return this;
    }

    /** Runs the execution to its end and says how it ended. */
    @TruffleBoundary
    public Outcome run(Chooser chooser) {
        Outcome o = runOnce(chooser);
        if (o.kind() != Outcome.Kind.DEADLOCK || blockedStacks || restore == null || o.thread() != null) {
            return o;
        }
        // every thread blocked: the same schedule again, this time taking the stacks
        restore.run();
        Scheduler again = new Scheduler(kernel, specs, maxSteps, env, limits).deadline(deadline);
        List<Integer> ids = o.schedule();
        kernel.muteListeners(true);
        try {
            Outcome replayed = again.runOnce((s, state) -> s < ids.size() ? ids.get(s) : -1);
            return replayed.kind() == Outcome.Kind.DEADLOCK && replayed.schedule().equals(ids) ? replayed : o;
        } finally {
            kernel.muteListeners(false);
        }
    }

    private Outcome runOnce(Chooser chooser) {
        GuestThread main = kernel.currentThread();
        kernel.attach(this);
        int depth = limits.current();
        long[] statements = limits.startExecution(deadline);
        try {
            return loop(chooser);
        } finally {
            for (Runner r : runners) {
                if (!r.done()) {
                    r.continuation.abandon();
                }
            }
            limits.restore(depth);
            limits.endExecution(statements);
            kernel.detach(main);
            current = null;
        }
    }

    private Outcome loop(Chooser chooser) {
        this.chooser = chooser;
        while (true) {
            boolean anyEnabled = markEnabled();
            if (liveCount == 0) {
                String broken = kernel.checkInvariants();
                if (broken != null) {
                    return outcome(Outcome.Kind.FAILURE, "kernel invariant broken at the end of the execution: " + broken, null, List.of());
                }
                return outcome(Outcome.Kind.CLEAN, "", null, List.of());
            }
            if (!anyEnabled) {
                return deadlock();
            }
            if (step >= maxSteps) {
                return outcome(Outcome.Kind.STEP_BOUND, "the execution passed its bound of " + maxSteps
                        + " steps without ending (raise it with --max-steps)", null, List.of());
            }
            if ((step & 255) == 0 && (System.nanoTime() > deadline || limits.stopRequested())) {
                return outcome(Outcome.Kind.TIME_BOUND, "the time limit ran out in the middle of an execution", null, List.of());
            }
            Runner idle = nextIdleStep();
            if (idle != null) {
                // a step that changes nothing (see idleStep) is no choice: it runs now
                if (idle.wokenBy >= 0) {
                    // a restarted write goes on past its wait, after the release that ended it
                    chooser.resumed(idle.id, idle.wokenBy);
                    idle.wokenBy = -1;
                }
                resume(idle);
                finishStep();
                if (idle.failure != null) {
                    return failure(idle);
                }
                continue;
            }
            int choice;
            if (decided != NOT_DECIDED) {
                // chosen at the running thread's scheduling point, which then yielded
                choice = decided;
                decided = NOT_DECIDED;
            } else {
                choice = chooser.choose(step, view);
            }
            if (choice == Chooser.ABANDON) {
                return outcome(Outcome.Kind.ABANDONED, "", null, List.of());
            }
            Runner chosen = runners.get(choice);
            if (!enabledNow[choice]) {
                throw new IllegalStateException("chooser picked " + chosen.name() + ", which cannot run");
            }
            beginStep(chosen);
            resume(chosen);
            finishStep();
            if (chosen.failure != null) {
                return failure(chosen);
            }
        }
    }

    /** The chosen thread's step starts: it is recorded as it stands now. */
    private void beginStep(Runner chosen) {
        if (chosen.awaitedField != null) {
            // the read that ends a wait_while
            chooser.awaited(chosen.id, chosen.awaitedValue);
        }
        chosen.wokenBy = -1;
        Event event = describeAtExecution(chosen, chosen.pending);
        trace.add(event);
        schedule.add(chosen.id);
        previous = chosen.id;
        stepRunner = chosen;
        stepEvent = event;
    }

    /**
     * The step that ran has ended (its thread reached its next scheduling point, waits, or
     * ended): the chooser is told what it was.
     */
    private void finishStep() {
        Runner chosen = stepRunner;
        if (chosen == null) {
            return;
        }
        stepRunner = null;
        Event event = stepEvent;
        if (event.kind() == Event.Kind.TRYLOCK && !event.acquires()) {
            // a failed trylock after which the write restarts once the lock is free, having
            // done nothing else: as if the thread had waited for the lock, no step of its own
            chosen.failedAndDidNothing = chosen.pending != null && chosen.pending.kind() == Event.Kind.WAIT
                    && chosen.pending.object() == event.object();
            if (chosen.failedAndDidNothing) {
                event = new Event(chosen.id, Event.Kind.TRYLOCK, event.object(), event.write(), new Event.Note(Event.Note.What.RESTARTS,
                        "trylock " + ((KernelLock) event.object()).name() + " fails: the write restarts once it is free"));
                trace.set(trace.size() - 1, event);
            }
        }
        chooser.executed(step, event);
        step++;
    }

    /**
     * At the running thread's scheduling point the chooser is asked here, as the scheduler
     * would ask it after a switch (no thread has a step to run before any choice); when it
     * picks the running thread again, that thread goes on without yielding (a continuation
     * switch costs more than most steps). Returns false to yield as usual, with the choice
     * made, if one was.
     */
    private boolean goOnWithoutYielding(Runner r) {
        finishStep();
        if (step >= maxSteps || (step & 255) == 0 || r.failure != null) {
            return false;
        }
        markEnabled();
        if (nextIdleStep() != null) {
            // the scheduler runs those first, before any choice
            return false;
        }
        int choice = chooser.choose(step, view);
        if (choice != r.id) {
            decided = choice;
            return false;
        }
        beginStep(r);
        return true;
    }

    /**
     * Works out which threads can run now, for the chooser, and drops the threads that ended
     * from the live ones; says whether any can run.
     */
    private boolean markEnabled() {
        if (enabledNow.length < runners.size()) {
            enabledNow = Arrays.copyOf(enabledNow, runners.size() * 2);
            enabledIds = new int[runners.size() * 2];
        }
        int kept = 0;
        enabledCount = 0;
        for (int k = 0; k < liveCount; k++) {
            int i = live[k];
            Runner r = runners.get(i);
            if (r.done()) {
                enabledNow[i] = false;
                continue;
            }
            live[kept++] = i;
            boolean enabled = r.enabled();
            enabledNow[i] = enabled;
            if (enabled) {
                enabledIds[enabledCount++] = i;
            }
        }
        liveCount = kept;
        return enabledCount > 0;
    }

    private void resume(Runner r) {
        current = r;
        kernel.setCurrentThread(r.thread);
        if (CONTINUATIONS && !threadsForDebugger) {
            Object outer = FrameStacks.swap(r.frames);
            try {
                r.continuation.resume();
            } finally {
                r.frames = FrameStacks.swap(outer);
            }
        } else {
            r.continuation.resume();
        }
        current = null;
    }

    /**
     * A thread whose next step changes nothing another thread could see and leads only to a
     * wait: an acquire of a lock someone else holds (the thread just starts waiting for it), or
     * a restarted sysfs write's wait for the lock its trylock failed on while it is taken, or
     * at any time when the failure did nothing but restart. Running it at once is
     * the same as running it at any later point, so it is not a scheduling choice: a blocked
     * acquire adds no schedules, and the thread is chosen again when the lock is released.
     */
    private Runner nextIdleStep() {
        for (int k = 0; k < enabledCount; k++) {
            Runner r = runners.get(enabledIds[k]);
            if (idleStep(r)) {
                return r;
            }
        }
        return null;
    }

    private static boolean idleStep(Runner r) {
        Event e = r.pending;
        if (e == null) {
            return false;
        }
        if (e.kind() == Event.Kind.WAIT && (r.failedAndDidNothing || !((KernelLock) e.object()).available(LockMode.WRITE))) {
            // after a failure that did something, the wait for a free lock is a step: once
            // past it, the thread's trylock may still find the lock taken and fail again
            return true;
        }
        // (one that takes a place among a lock's waiters, which others do not pass, is a step:
        // see describeAtExecution)
        return e.kind() == Event.Kind.ACQUIRE && e.object() instanceof KernelLock lock && e.detail() instanceof LockMode mode
                && !lock.grantable(r.thread, mode) && !r.thread.holds(lock) && !lock.queuesOnWait(r.thread);
    }

    private Outcome failure(Runner r) {
        Throwable t = r.failure;
        if (t instanceof GuestLimits.TimeLimitReached limit) {
            // a thread ran guest code past the search's deadline: no failure of the kernel
            return outcome(Outcome.Kind.TIME_BOUND, limit.getMessage(), null, List.of());
        }
        if (t instanceof HLException e) {
            // the thread's own frames: below its body lies the scheduler's caller
            List<String> frames = new ArrayList<>();
            for (String f : e.guestFrames()) {
                frames.add(f);
                if (f.startsWith(r.name() + " (")) {
                    break;
                }
            }
            return outcome(e instanceof KernelDeadlockException ? Outcome.Kind.DEADLOCK : Outcome.Kind.FAILURE, e.getMessage(), r.name(), frames);
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(t);
    }

    private Outcome deadlock() {
        Deadlock deadlock = Deadlock.of(runners);
        return outcome(Outcome.Kind.DEADLOCK, deadlock.message(), null, deadlock.stacks());
    }

    private Outcome outcome(Outcome.Kind kind, String message, String thread, List<String> stack) {
        List<String> names = new ArrayList<>();
        for (Runner r : runners) {
            names.add(r.name());
        }
        return new Outcome(kind, message, thread, stack, List.copyOf(trace), names, List.copyOf(schedule));
    }

    private Event describeAtExecution(Runner r, Event e) {
        if (e.kind() == Event.Kind.READ && e.object() instanceof FieldKey k) {
            return e.withDetail(k.object().get(k.field()));
        }
        if (e.kind() == Event.Kind.ACQUIRE && e.object() instanceof KernelLock lock && e.detail() instanceof LockMode mode
                && !lock.grantable(r.thread, mode) && lock.queuesOnWait(r.thread)) {
            // it takes the last place among the lock's waiters: a writer's keeps new threads
            // out (a write of the lock), a reader's depends on the writers' (a read of it)
            GuestThread writer = mode == LockMode.READ ? lock.writerAhead(r.thread) : null;
            String why = "waits for " + lock.name() + (writer == null ? "" : " behind " + writer.name() + ", who waits to write it");
            return new Event(e.thread(), Event.Kind.ACQUIRE, lock, e.write(), new Event.Note(Event.Note.What.WAITS, why));
        }
        if (e.kind() == Event.Kind.TRYLOCK && e.object() instanceof KernelLock lock && e.detail() instanceof LockMode mode
                && !lock.available(mode)) {
            // a trylock that fails changes nothing: it reads the lock (and, trying to write an
            // rw-semaphore, depends on its readers too, whose steps are reads themselves)
            return new Event(e.thread(), Event.Kind.TRYLOCK, lock, mode == LockMode.WRITE && lock.kind().hasReadMode(),
                    "trylock " + lock.name() + " fails");
        }
        return asOfNow(e);
    }

    /**
     * Whether a release frees a held lock depends on who holds it when it runs, not when it
     * was announced: a release of a lock nobody holds changes nothing.
     */
    private Event asOfNow(Event e) {
        if (e.kind() == Event.Kind.RELEASE && e.object() instanceof KernelLock lock && lock.holders().isEmpty()) {
            return new Event(e.thread(), e.kind(), lock, e.write(), new Event.Note(Event.Note.What.UNHELD, "unlock " + lock.name() + ", which nobody holds"));
        }
        return e;
    }

    // ------------------------------------------------------------------ called from guest code

    /** A scheduling point: record what the running thread is about to do and let others run. */
    @Override
    @TruffleBoundary
    public void point(Event.Kind kind, Object object, boolean write, Object detail) {
        Runner r = current;
        if (r == null) {
            return;
        }
        points++;
        r.pending = new Event(r.id, kind, object, write, detail);
        if (goOnWithoutYielding(r)) {
            return;
        }
        current.continuation.suspend();
    }

    @Override
    @TruffleBoundary
    public void waitFor(Kernel k, GuestThread thread, KernelLock lock, LockMode mode, Node location) {
        Runner r = current;
        if (r == null || r.thread != thread) {
            SINGLE_THREADED.waitFor(k, thread, lock, mode, location);
            return;
        }
        r.restarting = r.pending != null && r.pending.kind() == Event.Kind.WAIT;
        r.blockedOn = lock;
        r.blockedMode = mode;
        r.blockedStack = blockedStacks ? KernelReports.currentStack(location) : null;
        r.pending = new Event(r.id, Event.Kind.ACQUIRE, lock, lock.exclusive(mode), "waits for " + lock.name());
        points++;
        current.continuation.suspend();
    }

    /**
     * Blocks the running thread until a device directory appears that is {@code path} or
     * holds it (a file waited for is in its device's directory).
     */
    @Override
    @TruffleBoundary
    public void waitForDirectory(String path, Node location) {
        Runner r = current;
        r.waitingFor = path;
        r.blockedStack = blockedStacks ? KernelReports.currentStack(location) : null;
        r.pending = new Event(r.id, Event.Kind.READ, SysfsKey.lookup(path), false, "waits for " + path);
        points++;
        current.continuation.suspend();
    }

    /** Blocks the running thread until the field changes; the read of it then is its step. */
    @Override
    @TruffleBoundary
    public void waitWhile(FieldKey field, Object value, Node location) {
        Runner r = current;
        r.awaitedField = field;
        r.awaitedValue = value;
        r.blockedStack = blockedStacks ? KernelReports.currentStack(location) : null;
        r.pending = new Event(r.id, Event.Kind.READ, field, false, "sees " + field.qualifiedName() + " change");
        points++;
        current.continuation.suspend();
        r.awaitedField = null;
        r.awaitedValue = null;
    }

    /** A device directory appeared: threads waiting for it can run again. */
    @Override
    public void directoryAdded(String directory) {
        for (int k = 0; k < liveCount; k++) {
            Runner r = runners.get(live[k]);
            String awaited = r.waitingFor;
            if (awaited != null && (directory.equals(awaited)
                    || awaited.startsWith(directory) && awaited.length() > directory.length() && awaited.charAt(directory.length()) == '/')) {
                r.waitingFor = null;
                r.pending = new Event(r.id, Event.Kind.WAKE, new SysfsKey(directory), false, "sees " + directory);
            }
        }
    }

    @Override
    public boolean running() {
        return current != null;
    }

    @Override
    public void released(Kernel k, KernelLock lock) {
        for (int i = 0; i < liveCount; i++) {
            Runner r = runners.get(live[i]);
            if (r.blockedOn == lock && lock.grantable(r.thread, r.blockedMode)) {
                r.blockedOn = null;
                r.pending = r.restarting
                        ? new Event(r.id, Event.Kind.WAIT, lock, false, "the restarted write goes on: " + lock.name() + " is free")
                        : new Event(r.id, Event.Kind.ACQUIRE, lock, lock.exclusive(r.blockedMode), r.blockedMode);
                r.wokenBy = r.restarting ? step : -1;
            }
        }
    }
}
