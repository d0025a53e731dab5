package org.hotlock.sched;

import org.hotlock.kernel.Event;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.SysfsKey;
import org.hotlock.kernel.SysfsTree;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Optimal dynamic partial-order reduction with source sets and wakeup trees (Abdulla, Aronis,
 * Jonsson and Sagonas, POPL 2014; JACM 2017): every Mazurkiewicz trace of the scenario, under
 * the dependence of {@link Event#dependent}, is run once. Depth first, re-executing from the
 * initial state. Each state on the current path keeps a wakeup tree (the schedules still to
 * run from it, leftmost first) and a sleep set (threads whose next step has been explored
 * there, with that step). When an execution runs a step that races with an earlier one
 * (dependent, of another thread, ordered only by the pair itself), the schedule that reverses
 * the race (the steps since the earlier one that do not depend on it, then the later step) is
 * inserted into the wakeup tree of the state before the earlier step, unless a sleeping thread
 * or an existing branch already starts an equivalent schedule.
 *
 * <p>Locks are lock-aware: an acquire depends on the release it follows (so happens-before
 * orders the critical sections), but the race it is in is with the previous acquire, whose
 * reversal runs the acquiring thread's critical section first. A release and the acquire
 * after it never race (the acquire could not have gone first).
 *
 * <p>With workers ({@link #delegate}), subtrees of the schedule tree are explored in parallel
 * by searches of their own ({@link Subtree}) and taken, in this search's depth-first order,
 * as if explored here: the same executions and findings as one search.
 */
public final class OptimalExplorer implements Search {

    /** A node of a wakeup tree: the step a thread takes there, and the schedules that follow. */
    static final class Branch {
        final int thread;
        final Event event;
        final List<Branch> children = new ArrayList<>(1);
        /** The later step of a race, run here before the earlier one. */
        boolean raced;
        /** Handed to a worker, which explores the schedules that start with this branch. */
        Subtree subtree;
        /** A schedule was added inside it after it was handed over: the search explores it itself. */
        boolean modified;

        /** This branch and the schedules below it, as new branches (for a worker's own tree). */
        Branch copy() {
            Branch b = new Branch(thread, event);
            b.raced = raced;
            for (Branch c : children) {
                b.children.add(c.copy());
            }
            return b;
        }

        Branch(int thread, Event event) {
            this.thread = thread;
            this.event = event;
        }
    }

    /** One state on the current path. */
    private static final class Node {
        /** Which threads could run here, by bit (at most 64 threads: see choose). */
        long enabled;
        /** The root of this state's wakeup tree (thread -1); the branch being explored is {@link #current}. */
        final Branch tree;
        Branch current;
        /** By thread: the step a sleeping thread would take here, or null. */
        final Event[] sleep;

        Node(int threads, Branch tree) {
            this.sleep = new Event[threads];
            this.tree = tree;
        }
    }

    /** Growable list of step indices. */
    private static final class Steps {
        int[] at = new int[8];
        int size;

        void add(int step) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = step;
        }
    }

    private final List<Node> path = new ArrayList<>();
    private int replayDepth;
    /** Steps from here on are new in this execution: their races have not been seen. */
    private int newFrom;
    private int maxDepth;
    private long wakeupMismatches;
    private long redundant;
    private long learned;
    private boolean learnedHere;

    // the execution in progress: its steps with their vector clocks, and who touched what
    private final List<Event> events = new ArrayList<>();
    private final List<int[]> clocks = new ArrayList<>();
    private int[][] threadClocks = new int[0][];
    private int[] lastStep = new int[0];
    /**
     * By thread: whether its next step is the read that ends a wait_while, and the value the
     * wait waited past (NOT_WAITING when it is not).
     */
    private Object[] awaitedValue = new Object[0];
    private static final Object NOT_WAITING = new Object();
    /** The step being scanned for (see {@link #scan}) ends a wait_while past this value; NOT_WAITING if not. */
    private Object waitedPast = NOT_WAITING;
    private final Map<Object, Steps> byObject = new HashMap<>();
    /**
     * The step being scanned for (see {@link #scan}) takes a lock its thread waited for as a
     * step of its own (a lock with a read mode): it races only with the steps that need not
     * come before the releases it waited for.
     */
    private boolean scannedAfterWait;
    /**
     * By lock with a read mode: how many threads wait in its queue now (their step that waits
     * taken, their grant not yet); and the releases of such a lock made while its queue was
     * not empty (an acquire put before one would have waited as a step of its own).
     */
    private final Map<Object, Integer> queued = new HashMap<>();
    private final Set<Integer> releasedOverQueue = new HashSet<>();
    /** Failed trylocks that restart: the step of the acquire that held their lock. */
    private final Map<Integer, Integer> blockers = new HashMap<>();
    /**
     * By thread: a hash of the steps it has taken (what, on what, the value read), which under
     * the dependence fixes its own state; a failed trylock that restarts is not a step.
     */
    private long[] threadHistories = new long[0];
    /**
     * Whether a thread that had taken these steps, its trylock of this lock failing, did nothing
     * but restart (true) or went on to do something (false). Kept across executions.
     */
    private final Map<Long, Boolean> restartsAfterFailing = new HashMap<>();

    /** Where subtrees go to be explored by workers, or null. */
    private Delegation delegation;
    /** Executions workers ran in the subtrees this search took from them. */
    private long delegated;

    // a worker's search of one subtree: the states down to the subtree's own (frozen, as the
    // search that handed it over has them), and what it finds that belongs to that search
    /** The depth of the subtree's state; -1 in a search of the whole tree. */
    private final int frozen;
    private final Subtree task;
    private Explored explored;

    /** A search of the whole tree. */
    public OptimalExplorer() {
        this.frozen = -1;
        this.task = null;
    }

    /**
     * A worker's search of one subtree handed over by another search: the path down to the
     * subtree's state is that search's (its choices and sleep sets), the subtree's wakeup tree
     * is what that search had for it, and so is what it had learned about trylocks.
     */
    public OptimalExplorer(Subtree task) {
        this.task = task;
        this.frozen = task.depth;
        this.explored = new Explored();
        restartsAfterFailing.putAll(task.learned);
        Branch tree = new Branch(-1, null);
        for (int i = 0; i <= task.depth; i++) {
            Node node = new Node(task.sleeps[i].length, tree);
            System.arraycopy(task.sleeps[i], 0, node.sleep, 0, task.sleeps[i].length);
            node.current = i < task.depth ? new Branch(task.threads[i], task.events[i]) : task.root;
            tree.children.add(node.current);
            path.add(node);
            tree = node.current;
        }
    }

    /** Lets workers explore subtrees while this search goes on (see {@link Delegation}). */
    public OptimalExplorer delegate(Delegation workers) {
        this.delegation = workers;
        return this;
    }

    /** Executions workers ran in subtrees this search took from them (counted among its executions). */
    public long delegated() {
        return delegated;
    }

    /** What this worker's search of its subtree found, once it has ended. */
    public Explored explored() {
        return explored;
    }

    /** Executions cut short once they had learned that a failed trylock only restarts. */
    public long learned() {
        return learned;
    }

    /** Schedules the wakeup tree asked for that the program did not follow: zero when the dependence is right. */
    public long wakeupMismatches() {
        return wakeupMismatches;
    }

    @Override
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Explores until every trace has run, a failure is found, or the execution budget is used
     * up.
     *
     * @param execution runs one execution from the initial state with this explorer choosing
     */
    @Override
    public Explorer.Result explore(Supplier<Outcome> execution, long maxExecutions, LongConsumer progress) {
        long executions = 0;
        while (true) {
            replayDepth = path.size();
            learnedHere = false;
            newFrom = Math.max(0, replayDepth - 1);
            events.clear();
            clocks.clear();
            threadClocks = new int[0][];
            lastStep = new int[0];
            awaitedValue = new Object[0];
            // cleared, not kept: objects made in an execution (a new block's fields) are new
            // keys in every execution
            byObject.clear();
            blockers.clear();
            queued.clear();
            releasedOverQueue.clear();
            threadHistories = new long[0];
            long learnedBefore = learned;
            Outcome outcome = execution.get();
            executions++;
            if (outcome.kind() == Outcome.Kind.ABANDONED && learned == learnedBefore) {
                // every enabled thread asleep: a sleep-set-blocked execution (none, when the
                // dependence is right; OptimalityTest checks it)
                redundant++;
            }
            if (explored != null && explored.firstEvent == null && events.size() > frozen) {
                explored.firstEvent = events.get(frozen);
            }
            if (progress != null) {
                progress.accept(executions);
            }
            if (outcome.kind() == Outcome.Kind.TIME_BOUND) {
                return result(null, executions, true, true);
            }
            if (outcome.failed()) {
                return result(outcome, executions, false, false);
            }
            // the deepest state with a schedule still to try; one a worker has explored is
            // taken as if it had been explored here
            Event doneEvent = null;
            while (true) {
                while (!path.isEmpty()) {
                    Node top = path.getLast();
                    int done = top.current.thread;
                    // the step as it ran here: while the thread sleeps nothing it depends on changes,
                    // so a trylock would go the same way again
                    top.sleep[done] = doneEvent != null ? doneEvent : events.get(path.size() - 1);
                    doneEvent = null;
                    top.tree.children.remove(top.current);
                    Branch next = firstRunnable(top);
                    if (next != null) {
                        top.current = next;
                        break;
                    }
                    path.removeLast();
                }
                if (path.isEmpty() || path.getLast().current.subtree == null) {
                    break;
                }
                Explored x = takeExplored(path.getLast().current, maxExecutions - executions);
                if (x == null) {
                    break;   // explored here after all
                }
                executions += x.executions;
                if (progress != null) {
                    progress.accept(executions);
                }
                doneEvent = x.firstEvent;
            }
            if (path.isEmpty()) {
                return result(null, executions, false, false);
            }
            if (executions >= maxExecutions) {
                return result(null, executions, true, false);
            }
            if (task != null && task.cancelled) {
                explored.failed = true;
                return result(null, executions, true, false);
            }
            if (delegation != null && delegation.wanted()) {
                handOver();
            }
        }
    }

    private Explorer.Result result(Outcome failure, long executions, boolean bounded, boolean timedOut) {
        if (explored != null) {
            explored.executions = executions;
            explored.redundant = redundant;
            explored.learned = learned;
            explored.mismatches = wakeupMismatches;
            explored.maxDepth = maxDepth;
            explored.failed |= failure != null || bounded;
        }
        return new Explorer.Result(failure, executions, redundant, bounded, maxDepth, timedOut);
    }

    // ------------------------------------------------------------------ subtrees for workers

    /**
     * The schedules that start with one branch of a state, for a worker to explore on its own:
     * the second branch of a state, whose sleep set is then known (the state's own and the
     * first branch's step). Nothing the searches do in between can change what the worker
     * finds, except a schedule added inside the branch by the search (see {@link #insert}) or a
     * trylock the search learns about that the worker looked up unknown: then the search
     * explores the branch itself. So the executions, the findings and their order are those of
     * one search; only the time differs.
     */
    public static final class Subtree {
        final int depth;
        final int[] threads;
        final Event[] events;
        final Event[][] sleeps;
        final Branch root;
        final Map<Long, Boolean> learned;
        volatile boolean cancelled;
        private Object attachment;

        Subtree(int depth, int[] threads, Event[] events, Event[][] sleeps, Branch root, Map<Long, Boolean> learned) {
            this.depth = depth;
            this.threads = threads;
            this.events = events;
            this.sleeps = sleeps;
            this.root = root;
            this.learned = learned;
        }

        /** Tells the worker exploring it to stop: its result will not be taken. */
        public void cancel() {
            cancelled = true;
        }

        public boolean cancelled() {
            return cancelled;
        }

        /** Whatever the delegation keeps with it (its ticket). */
        public Object attachment() {
            return attachment;
        }

        public void attach(Object o) {
            attachment = o;
        }
    }

    /** A schedule for the wakeup tree of the state at depth {@code at}, above a worker's subtree. */
    record Outside(int at, List<Event> schedule) {
    }

    /** What a worker's search of a subtree found, for the search that handed it over. */
    public static final class Explored {
        long executions;
        long redundant;
        long learned;
        long mismatches;
        int maxDepth;
        /** It ended early (a failure, a time limit, cancelled): the search explores the subtree itself. */
        boolean failed;
        /** The subtree's first step as it ran: the search's sleep set takes it. */
        Event firstEvent;
        /** Schedules for states above the subtree, in the order they were found: the search adds them. */
        final List<Outside> outside = new ArrayList<>();
        /** What it learned about trylocks that the search did not know, and what it looked up unknown. */
        final Map<Long, Boolean> facts = new HashMap<>();
        final Set<Long> unknown = new HashSet<>();
        private Object checks;

        public long executions() {
            return executions;
        }

        /** The record of what the checks found (kept by the layer that runs them). */
        public Object checks() {
            return checks;
        }

        public void attachChecks(Object record) {
            checks = record;
        }
    }

    /** Hands the subtrees a waiting worker could take, the biggest first (the shallowest state). */
    private void handOver() {
        int top = path.size() - 1;
        for (int n = Math.max(0, frozen + 1); n < top && delegation.wanted(); n++) {
            Node node = path.get(n);
            List<Branch> children = node.tree.children;
            if (children.size() < 2 || children.getFirst() != node.current) {
                continue;
            }
            Branch b = children.get(1);
            if (b.subtree != null || (node.enabled & 1L << b.thread) == 0 || node.sleep[b.thread] != null) {
                continue;   // handed over already, or a branch this search drops (see firstRunnable)
            }
            int[] threads = new int[n];
            Event[] evs = new Event[n];
            Event[][] sleeps = new Event[n + 1][];
            for (int i = 0; i < n; i++) {
                threads[i] = path.get(i).current.thread;
                evs[i] = path.get(i).current.event;
                sleeps[i] = path.get(i).sleep.clone();
            }
            sleeps[n] = node.sleep.clone();
            sleeps[n][node.current.thread] = events.get(n);
            Branch root = b.copy();
            if (!shareable(sleeps, evs, root)) {
                return;   // steps on objects another context cannot name: this search explores alone
            }
            b.subtree = new Subtree(n, threads, evs, sleeps, root, new HashMap<>(restartsAfterFailing));
            delegation.delegate(b.subtree);
        }
    }

    private static boolean shareable(Event[][] sleeps, Event[] evs, Branch root) {
        for (Event[] sleep : sleeps) {
            for (Event e : sleep) {
                if (e != null && !e.shareable()) {
                    return false;
                }
            }
        }
        for (Event e : evs) {
            if (e != null && !e.shareable()) {
                return false;
            }
        }
        return shareable(root);
    }

    private static boolean shareable(Branch b) {
        if (b.event != null && !b.event.shareable()) {
            return false;
        }
        for (Branch c : b.children) {
            if (!shareable(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The exploration of a subtree a worker did, now that this search has come to it; null
     * when this search must explore it itself (see {@link Subtree}).
     */
    private Explored takeExplored(Branch b, long budget) {
        Subtree s = b.subtree;
        b.subtree = null;
        if (b.modified) {
            s.cancel();
        }
        Explored x = delegation.take(s);
        if (x == null || b.modified || x.failed || x.executions > budget) {
            return null;
        }
        for (Long key : x.unknown) {
            if (restartsAfterFailing.containsKey(key)) {
                return null;
            }
        }
        if (explored != null) {
            // a worker's search passes on what the subtree it took learned and looked up, as
            // if it had done that itself: the search above it checks and learns the same
            explored.unknown.addAll(x.unknown);
            x.facts.forEach((key, restarts) -> {
                if (!restartsAfterFailing.containsKey(key)) {
                    explored.facts.put(key, restarts);
                }
            });
        }
        restartsAfterFailing.putAll(x.facts);
        delegation.accept(x);
        redundant += x.redundant;
        learned += x.learned;
        wakeupMismatches += x.mismatches;
        maxDepth = Math.max(maxDepth, x.maxDepth);
        delegated += x.executions;
        for (Outside o : x.outside) {
            wakeUp(o.at(), o.schedule());
        }
        return x;
    }

    /**
     * A thread's step where the step it raced with has not run: a trylock may then take the
     * lock, so it is taken as writing it (the conservative side).
     */
    private static Event asAnnounced(Event e) {
        if (e.kind() == Event.Kind.TRYLOCK && e.object() instanceof KernelLock && !e.write()) {
            return new Event(e.thread(), e.kind(), e.object(), true, e.detail());
        }
        return e;
    }

    @Override
    public int choose(int step, StateView state) {
        int threads = state.threadCount();
        if (threads > 64) {
            throw new HLException("explore handles at most 64 threads in a scenario (this one has " + threads + ")", null);
        }
        growThreads(threads, step);
        if (learnedHere) {
            // the race's reversal only made a trylock fail, after which its thread does nothing
            // but wait for the lock and restart: every schedule from here is one where it had
            // waited, which the other branch runs (see restartsAfterFailing)
            learnedHere = false;
            learned++;
            return ABANDON;
        }
        if (step < replayDepth) {
            return path.get(step).current.thread;
        }
        Node parent = path.isEmpty() ? null : path.getLast();
        Node node = new Node(threads, parent == null ? new Branch(-1, null) : parent.current);
        if (parent != null) {
            // a thread asleep at the parent stays asleep while the steps taken are independent of its own
            Event taken = events.get(step - 1);
            for (int q = 0; q < parent.sleep.length; q++) {
                Event s = parent.sleep[q];
                if (s != null && !taken.dependent(s)) {
                    node.sleep[q] = s;
                }
            }
        }
        for (int t = 0; t < threads; t++) {
            if (state.enabled(t)) {
                node.enabled |= 1L << t;
            }
        }
        Branch next = firstRunnable(node);
        if (next == null) {
            for (int t = 0; t < threads; t++) {
                if (state.enabled(t) && node.sleep[t] == null) {
                    next = new Branch(t, state.pending(t));
                    node.tree.children.addFirst(next);
                    break;
                }
            }
        }
        if (next == null) {
            // every enabled thread sleeps: the schedule could only repeat an explored one
            return ABANDON;
        }
        node.current = next;
        path.add(node);
        maxDepth = Math.max(maxDepth, path.size());
        return next.thread;
    }

    /**
     * The leftmost branch of the node's wakeup tree whose thread can run there. One that
     * cannot means the program did not go where a race said it would (a model whose steps
     * depend on something the dependence does not see): it is dropped and counted.
     */
    private Branch firstRunnable(Node node) {
        while (!node.tree.children.isEmpty()) {
            Branch b = node.tree.children.getFirst();
            if ((node.enabled & 1L << b.thread) != 0 && node.sleep[b.thread] == null) {
                return b;
            }
            node.tree.children.removeFirst();
            wakeupMismatches++;
        }
        return null;
    }

    private void growThreads(int threads, int step) {
        int old = threadClocks.length;
        if (threads <= old) {
            return;
        }
        threadClocks = Arrays.copyOf(threadClocks, threads);
        lastStep = Arrays.copyOf(lastStep, threads);
        awaitedValue = Arrays.copyOf(awaitedValue, threads);
        threadHistories = Arrays.copyOf(threadHistories, threads);
        for (int t = old; t < threads; t++) {
            // a spawned thread starts after the step that created it
            threadClocks[t] = step > 0 && old > 0 ? Arrays.copyOf(clocks.get(step - 1), threads) : new int[threads];
            lastStep[t] = -1;
            awaitedValue[t] = NOT_WAITING;
        }
    }

    @Override
    public void executed(int step, Event e) {
        if (explored != null && !explored.failed && !e.shareable()) {
            // a step on an object the search that handed this subtree over could not name
            explored.failed = true;
            task.cancel();
        }
        int t = e.thread();
        waitedPast = awaitedValue[t];
        awaitedValue[t] = NOT_WAITING;
        scannedAfterWait = e.acquires() && lastStep[t] >= 0 && events.get(lastStep[t]).waits() && events.get(lastStep[t]).object().equals(e.object());
        int[] base = threadClocks[t];
        int[] clock = Arrays.copyOf(base, threadClocks.length);
        Steps racing = null;
        Steps lockAware = null;
        // the steps on each object this one is filed under, looked up once for the scans and the filing
        Steps[] filed = null;
        Steps restartRace = null;
        if (e.restarts()) {
            // no step of its own: it neither orders nor races with anything, but it fails
            // only while the acquire that holds the lock has happened
            int blocker = lastAcquire(e.object());
            blockers.put(step, blocker);
            if (blocker >= 0 && events.get(blocker).thread() != t) {
                // the retry races with the acquire before, but it may never come: a write that
                // put its kernfs active reference to restart can find its file removed then
                // (-ENODEV). So the race is the failure's own, as the retry's would be.
                restartRace = new Steps();
                restartRace.add(blocker);
            }
        } else if (!e.local()) {
            racing = new Steps();
            if (e.object() != null) {
                // a trylock that would fail before the release it follows, its thread then
                // doing nothing but restart, is a blocking acquire: it races only with the
                // acquire before (see restartsAfterFailing)
                boolean trylock = e.kind() == Event.Kind.TRYLOCK && e.acquires();
                long restartKey = trylock ? restartKey(threadHistories[t], e) : 0;
                Boolean restarts = trylock ? restartsAfterFailing.get(restartKey) : null;
                if (trylock && restarts == null && explored != null) {
                    explored.unknown.add(restartKey);
                }
                filed = filed(e);
                for (Steps steps : filed) {
                    scan(e, steps, clock, racing, Boolean.TRUE.equals(restarts));
                }
                if (trylock && restarts == null) {
                    // not known yet: the race with the release (which learns it) and the one
                    // with the acquire before, lest a failure cut short lose the latter
                    lockAware = new Steps();
                    for (Steps steps : filed) {
                        scan(e, steps, null, lockAware, true);
                    }
                }
            }
            if (e.kind() == Event.Kind.WAKE && e.object() instanceof Scheduler.ThreadKey k && k.id() < lastStep.length && lastStep[k.id()] >= 0) {
                // a join goes on after the joined thread's last step
                join(clock, clocks.get(lastStep[k.id()]));
            }
        }
        clock[t]++;
        events.add(e);
        clocks.add(clock);
        if (e.waits()) {
            queued.merge(e.object(), 1, Integer::sum);
        } else if (scannedAfterWait) {
            queued.merge(e.object(), -1, Integer::sum);
        } else if (e.releasesHeld() && queued.getOrDefault(e.object(), 0) > 0) {
            releasedOverQueue.add(step);
        }
        long history = threadHistories[t];
        if (e.kind() == Event.Kind.TRYLOCK && !e.acquires()) {
            long restartKey = restartKey(history, e);
            Boolean before = restartsAfterFailing.put(restartKey, e.restarts());
            if (before == null && explored != null) {
                explored.facts.put(restartKey, e.restarts());
            }
            // a race reversal that only made a trylock fail, its thread then doing nothing but
            // wait and restart: every schedule from here is one where it had waited
            learnedHere = e.restarts() && step >= newFrom && path.get(step).current.raced;
        }
        if (!e.local() && !e.restarts()) {
            threadHistories[t] = history * 1_000_003L + e.kind().ordinal() * 31L + Objects.hashCode(e.object()) * 17L
                    + (e.write() ? 1 : 0) + (e.detail() instanceof String || e.detail() == null ? 0 : sameInEveryContext(e.detail()));
        }
        threadClocks[t] = clock;
        lastStep[t] = step;
        if (restartRace != null && step >= newFrom) {
            races(step, base, restartRace);
        }
        if (racing == null) {
            return;
        }
        if (filed != null) {
            for (Steps steps : filed) {
                steps.add(step);
            }
        }
        if (step >= newFrom && !(e.kind() == Event.Kind.WAKE && e.object() instanceof Scheduler.ThreadKey)) {
            races(step, base, racing);
            if (lockAware != null) {
                races(step, base, lockAware);
            }
        }
    }

    @Override
    public void awaited(int thread, Object value) {
        if (thread < awaitedValue.length) {
            awaitedValue[thread] = value;
        }
    }

    /**
     * The value the field held before each of its steps up to {@code steps.at[i]}: what the
     * write before it wrote; with none in this execution, the value the waiting thread read
     * before it waited (a write before that read is before the thread's previous step: it
     * races with nothing). One pass, for a scan that may ask at each of the field's writes.
     */
    private Object[] valuesBefore(Steps steps, int i) {
        Object[] before = new Object[i + 1];
        Object value = waitedPast;
        for (int k = 0; k <= i; k++) {
            before[k] = value;
            Event e = events.get(steps.at[k]);
            if (e.write() && e.kind() == Event.Kind.WRITE) {
                value = e.detail();
            }
        }
        return before;
    }

    @Override
    public void resumed(int thread, int step) {
        if (thread < threadClocks.length && step < clocks.size()) {
            // its wait was no step, but what it does next happens after the step that ended it
            int[] clock = Arrays.copyOf(threadClocks[thread], threadClocks.length);
            join(clock, clocks.get(step));
            threadClocks[thread] = clock;
        }
    }

    /** A value's hash that a worker's context computes alike: an object by its identity, an enum by its place. */
    private static long sameInEveryContext(Object value) {
        if (value instanceof HLObject o) {
            return o.identity();
        }
        if (value instanceof KernelLock l) {
            return l.identity();
        }
        if (value instanceof Enum<?> en) {
            return en.ordinal();
        }
        return value instanceof Event.Note n ? n.what().ordinal() * 7L + n.text().hashCode() : value.hashCode();
    }

    /** What restartsAfterFailing is keyed by: the thread's steps so far, and the lock. */
    private static long restartKey(long history, Event trylock) {
        return history * 31 + trylock.object().hashCode();
    }

    private int lastAcquire(Object lock) {
        Steps steps = byObject.get(lock);
        for (int i = steps == null ? -1 : steps.size - 1; i >= 0; i--) {
            if (events.get(steps.at[i]).acquires()) {
                return steps.at[i];
            }
        }
        return -1;
    }

    /**
     * The steps on each object a step is filed under (a sysfs lookup also under every
     * directory above its own), made empty for an object no step touched yet.
     */
    private Steps[] filed(Event e) {
        if (e.object() instanceof SysfsKey || e.object() instanceof SysfsTree) {
            List<Object> keys = (e.write() ? sysfsWrites : sysfsReads).computeIfAbsent(e.object(), key -> sysfsFiling(key, e.write()));
            Steps[] all = new Steps[keys.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = byObject.computeIfAbsent(keys.get(i), key -> new Steps());
            }
            return all;
        }
        return new Steps[]{byObject.computeIfAbsent(e.object(), key -> new Steps())};
    }

    /**
     * Where a sysfs step is filed, so that each of two dependent steps finds the other in a
     * list it scans: a lookup under its directory and every one above it (a device's
     * appearance or removal there writes it); a listing under its tree (the devices below it)
     * and, as a lookup of its directory, under that directory and those above; a device's
     * appearance or removal under its directory and, for the listings that see it, under the
     * tree of its directory and of every one above.
     */
    private static List<Object> sysfsFiling(Object key, boolean write) {
        List<Object> keys = new ArrayList<>();
        if (key instanceof SysfsTree tree) {
            keys.add(tree);
            keys.addAll(tree.root().withParents());
        } else if (!write) {
            keys.addAll(((SysfsKey) key).withParents());
        } else {
            keys.add(key);
            for (SysfsKey directory : ((SysfsKey) key).withParents()) {
                keys.add(new SysfsTree(directory));
            }
        }
        return keys;
    }

    /** Where each sysfs step is filed, kept across executions: reads and writes of a directory apart. */
    private final Map<Object, List<Object>> sysfsReads = new HashMap<>();
    private final Map<Object, List<Object>> sysfsWrites = new HashMap<>();

    /**
     * Joins the clocks of the earlier steps on this object that the step depends on (unless
     * {@code clock} is null: they were joined already), and collects those it may race with,
     * latest first, until a write that orders everything before it. An acquire races with earlier acquires (and releases of a lock nobody held):
     * the release it follows, and a failed trylock in between, order it (happens-before) but
     * it could not have come before them.
     */
    private void scan(Event e, Steps steps, int[] clock, Steps racing, boolean failingRestarts) {
        if (steps == null) {
            return;
        }
        boolean acquire = e.acquires() || e.kind() == Event.Kind.WAIT;
        Object[] before = null;
        // (for a grant after a wait of its own: the releases it waited for, met so far)
        Steps awaitedReleases = scannedAfterWait ? new Steps() : null;
        for (int i = steps.size - 1; i >= 0; i--) {
            int s = steps.at[i];
            Event d = events.get(s);
            if (before == null && waitedPast != NOT_WAITING && d.write()) {
                before = valuesBefore(steps, i);   // once a scan, at the latest write it meets
            }
            // a blocking acquire could not have gone before the release it follows; a trylock
            // could, and would have failed there (as an acquire of a lock with a read mode
            // would have waited there, a step of its own)
            boolean ordersOnly = acquire && !d.acquires()
                    && (d.kind() == Event.Kind.TRYLOCK || d.releasesHeld() && (e.waitedFor() && !waitsAsAStep(e, d, s) || failingRestarts))
                    // a wait for a sysfs file comes after the directory's appearance: before it, it would wait
                    || e.kind() == Event.Kind.WAKE && d.appearance()
                    // the read that ends a wait_while could not have gone before a write where
                    // the field held the value it waits past (it still waited there)
                    || waitedPast != NOT_WAITING && d.write() && Objects.equals(before[i], waitedPast)
                    // a thread that waited for the lock as a step of its own could take it only
                    // once the holds it waited for were released: not before those releases,
                    // nor before a step one of them had to come after (what it depends on
                    // before its own step is ordered before that step)
                    || scannedAfterWait && (d.releasesHeld() && d.dependent(e) || happensBeforeAny(s, awaitedReleases));
            if (scannedAfterWait && d.releasesHeld() && d.dependent(e)) {
                awaitedReleases.add(s);
            }
            if (d.thread() != e.thread() && d.dependent(e)) {
                if (clock != null) {
                    join(clock, clocks.get(s));
                }
                if (!ordersOnly) {
                    racing.add(s);
                }
            }
            if (d.write() && d.object().equals(e.object()) && !(ordersOnly && (acquire || waitedPast != NOT_WAITING))
                    || scannedAfterWait && d.thread() == e.thread()) {
                return;
            }
        }
    }

    /**
     * Whether an acquire put before the release {@code d} (step {@code s}) would have waited
     * there as a step of its own: a lock with a read mode held for read, or with waiters
     * queued (see KernelLock#queuesOnWait); held for write with none, it waits as for a mutex.
     */
    private boolean waitsAsAStep(Event e, Event d, int s) {
        return e.kind() == Event.Kind.ACQUIRE && e.object() instanceof KernelLock l && l.kind().hasReadMode()
                && (!d.write() || releasedOverQueue.contains(s));
    }

    /** Whether step a happens before one of the steps (their clocks have seen it). */
    private boolean happensBeforeAny(int a, Steps steps) {
        int t = events.get(a).thread();
        int seq = clocks.get(a)[t];
        for (int k = 0; k < steps.size; k++) {
            if (at(clocks.get(steps.at[k]), t) >= seq) {
                return true;
            }
        }
        return false;
    }

    /** The races of the step just run: the latest dependent steps not ordered before it otherwise. */
    private void races(int step, int[] base, Steps racing) {
        int[] found = new int[racing.size];
        int count = 0;
        Arrays.sort(racing.at, 0, racing.size);
        for (int i = racing.size - 1; i >= 0; i--) {
            int c = racing.at[i];
            if (i < racing.size - 1 && racing.at[i + 1] == c) {
                continue;
            }
            int tc = events.get(c).thread();
            int seq = clocks.get(c)[tc];
            if (at(base, tc) >= seq) {
                continue;   // before the thread's previous step already
            }
            boolean covered = false;
            for (int j = 0; j < count && !covered; j++) {
                covered = at(clocks.get(found[j]), tc) >= seq;
            }
            if (!covered) {
                found[count++] = c;
            }
        }
        for (int j = 0; j < count; j++) {
            reverse(found[j], step);
        }
    }

    /** The race between steps i and j: the schedule that runs j's step before i's. */
    private void reverse(int i, int j) {
        if (i < 0 || i >= path.size()) {
            return;
        }

        Node at = path.get(i);
        int ti = events.get(i).thread();
        int seq = clocks.get(i)[ti];
        List<Event> v = new ArrayList<>();
        for (int k = i + 1; k < j; k++) {
            Event x = events.get(k);
            if (at(clocks.get(k), ti) < seq) {
                Integer blocker = x.restarts() ? blockers.get(k) : null;
                if (blocker == null || blocker < 0 || blocker != i && at(clocks.get(blocker), ti) < seq) {
                    v.add(x);
                }
                // else the trylock would succeed there: the thread's own step then, not this one
            }
        }
        // the later step runs where the earlier one has not: a trylock may then go the other way
        v.add(asAnnounced(events.get(j)));
        wakeUp(i, v);
    }

    /** Adds the schedule v to the wakeup tree of the state at depth i, unless a sleeping thread covers it. */
    private void wakeUp(int i, List<Event> v) {
        Node at = path.get(i);
        for (int q = 0; q < at.sleep.length; q++) {
            if (at.sleep[q] != null && weakInitial(v, q, at.sleep[q])) {
                return;   // a schedule starting with q is equivalent, and it has been explored
            }
        }
        insert(at.tree, v, i);
    }

    /**
     * Whether the schedule v can start with thread q's step (its first step in v depends on
     * nothing before it in v), or q's next step commutes with all of v.
     */
    private static boolean weakInitial(List<Event> v, int q, Event next) {
        int k = indexOf(v, q);
        if (k >= 0) {
            return independentOfEarlier(v, k);
        }
        for (Event x : v) {
            if (next.dependent(x)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(List<Event> v, int thread) {
        for (int k = 0; k < v.size(); k++) {
            if (v.get(k).thread() == thread) {
                return k;
            }
        }
        return -1;
    }

    private static boolean independentOfEarlier(List<Event> v, int k) {
        Event x = v.get(k);
        for (int m = 0; m < k; m++) {
            if (v.get(m).dependent(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds v to the wakeup tree unless a branch already starts an equivalent schedule: follow
     * the leftmost child whose thread can start what is left of v; at a leaf v is covered;
     * where no child fits, what is left of v becomes a new rightmost branch.
     */
    private void insert(Branch root, List<Event> v, int depth) {
        Branch node = root;
        List<Event> rest = new ArrayList<>(v);
        // the state whose wakeup tree the branch reached is (while it follows the path)
        int d = depth;
        boolean onPath = true;
        Branch handedOver = null;
        descend:
        while (true) {
            if (rest.isEmpty() || node != root && node.children.isEmpty()) {
                return;
            }
            for (Branch child : node.children) {
                int k = indexOf(rest, child.thread);
                if (k >= 0 ? independentOfEarlier(rest, k) : weakInitial(rest, child.thread, child.event)) {
                    if (k >= 0) {
                        rest.remove(k);
                    }
                    onPath &= d < path.size() && child == path.get(d).current;
                    d++;
                    if (child.subtree != null && handedOver == null) {
                        handedOver = child;
                    }
                    node = child;
                    continue descend;
                }
            }
            if (onPath && d <= frozen) {
                // a state above this worker's subtree: the search that handed it over adds it
                explored.outside.add(new Outside(depth, v));
                return;
            }
            if (handedOver != null && !handedOver.modified) {
                // a schedule inside a subtree a worker explores: the worker's cannot have it
                handedOver.modified = true;
                handedOver.subtree.cancel();
            }
            Branch b = node;
            for (Event x : rest) {
                Branch added = new Branch(x.thread(), x);
                b.children.add(added);
                b = added;
            }
            b.raced = true;
            return;
        }
    }

    private static int at(int[] clock, int t) {
        return t < clock.length ? clock[t] : 0;
    }

    private static void join(int[] into, int[] other) {
        for (int i = 0; i < Math.min(into.length, other.length); i++) {
            into[i] = Math.max(into[i], other[i]);
        }
    }
}
