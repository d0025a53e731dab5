package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import org.hotlock.runtime.CalledFrom;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLObject;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * The simulated kernel: its machine ({@link Topology}), memory blocks ({@link MemoryBlocks}),
 * iomem ({@link IomemResources}), locks ({@link Locking}), sysfs ({@link Sysfs}) and
 * {@link Invariants}, and the thread that is {@code current}. The kernel's behaviour lives in
 * the HotLock models; this class enforces the mechanisms (who holds which lock, what a path
 * names) and publishes what happens to its {@link KernelListener}s and to the
 * {@link ThreadScheduler} that runs guest threads. It knows neither the checkers nor the
 * scheduler: they attach themselves.
 */
public final class Kernel {
    public static final long PAGE_SHIFT = 12;

    public final KernelTypes types;
    public final String version;
    private final Topology topology;
    private final Locking locking = new Locking();
    private final MemoryBlocks blocks;
    private final IomemResources resources;
    private final Invariants invariants;
    private final Sysfs sysfs = new Sysfs();
    /** Where a WARN goes when no scenario runs (the console); during a scenario only the report has it. */
    private final PrintWriter console;
    private final Operations operations = new Operations();
    private final KernelLog log = new KernelLog();
    private final List<String> patches = new ArrayList<>();
    private final KernelListeners listeners = new KernelListeners();
    /** By check site, then by thread: the stack each thread had there first (see stackAt). */
    private final Map<Node, StackSite> stacksAtSite = new IdentityHashMap<>();

    /** A check site: its function (found once, not by a walk up the tree at every access) and the stacks seen there. */
    private static final class StackSite {
        final RootNode root;
        final Map<Object, KernelReports.Captured> byThread = new HashMap<>(4);

        StackSite(Node location) {
            this.root = location.getRootNode();
        }
    }
    private GuestThread current;
    private ThreadScheduler scheduler;
    private LockWaiter waiter = LockWaiter.SINGLE_THREADED;

    /** What an execution starts from: each part's own state. */
    public record State(SortedMap<Long, HLObject> blocks, List<HLObject> resources, SortedMap<String, Sysfs.File> files,
                        Map<String, HLFunction> events, Locking.State locks, KernelLog.State log) {
    }

    /** A kernel of the version with the language's struct layouts, whose WARNs go to the console. */
    public Kernel(String version, KernelTypes types, PrintWriter console) {
        this.version = version;
        this.types = types;
        this.topology = new Topology(types);
        this.blocks = new MemoryBlocks(types, topology, locking);
        this.resources = new IomemResources(types, this);
        this.invariants = new Invariants(types, topology, blocks);
        this.console = console;
        current = new GuestThread("main", 0);
    }

    // ------------------------------------------------------------------ parts

    public Topology topology() {
        return topology;
    }

    public IomemResources iomem() {
        return resources;
    }

    public Locking locking() {
        return locking;
    }

    public Sysfs sysfs() {
        return sysfs;
    }

    /** The thread enters the kernel (a sysfs access, a firmware event, a worker's queued work). */
    @TruffleBoundary
    public void enterOperation(GuestThread thread, String description) {
        operations.enter(thread.name() + ": " + description);
        thread.enterOperation(description);
    }

    /** The thread leaves the kernel by an error of its own: nothing is checked. */
    @TruffleBoundary
    public void abortOperation(GuestThread thread) {
        operations.exit();
        thread.exitOperation();
    }

    /**
     * The thread leaves the kernel; when it was the last one in it, the simulator's
     * invariants must hold: what is broken, else null.
     */
    @TruffleBoundary
    public String exitOperation(GuestThread thread) {
        thread.exitOperation();
        return operations.exit() ? checkInvariants() : null;
    }

    public Operations operations() {
        return operations;
    }

    public boolean booted() {
        return topology.booted();
    }

    public MachineSpec machine() {
        return topology.machine();
    }

    public long sectionsPerBlock() {
        return topology.sectionsPerBlock();
    }

    public long pagesPerBlock() {
        return topology.pagesPerBlock();
    }

    public List<HLObject> nodes() {
        return topology.nodes();
    }

    /** Registered blocks by block id, ascending. */
    public NavigableMap<Long, HLObject> blocks() {
        return blocks.registered();
    }

    public List<HLObject> resources() {
        return resources.all();
    }

    @TruffleBoundary
    public void boot(MachineSpec spec, Node location) {
        topology.boot(spec, location);
    }

    // ------------------------------------------------------------------ listeners and the scheduler

    /** While muted, the listeners hear nothing: an execution run again for its stacks only. */
    public void muteListeners(boolean muted) {
        listeners.mute(muted);
    }

    /** Adds a listener; it hears every event from now on, after the listeners added before it. */
    public void addListener(KernelListener listener) {
        listeners.add(listener);
    }

    /** A scheduler runs guest threads from now until {@link #detach}: the kernel yields to it. */
    public void attach(ThreadScheduler threadScheduler) {
        listeners.executionStarted();
        this.waiter = threadScheduler;
        this.scheduler = threadScheduler;
    }

    /** The execution is over: back to the script's own thread, single-threaded. */
    public void detach(GuestThread main) {
        this.scheduler = null;
        this.waiter = LockWaiter.SINGLE_THREADED;
        this.current = main;
    }

    /** The scheduler running guest threads now, or null between scenarios. */
    public ThreadScheduler scheduler() {
        return scheduler;
    }

    /**
     * The scheduler when one of its guest threads runs now, or null: at the top level (no
     * scenario, or its scheduler between steps), only {@code main} runs.
     */
    public ThreadScheduler runningScheduler() {
        return scheduler != null && scheduler.running() ? scheduler : null;
    }

    /** A scheduling point, when guest threads are being scheduled; nothing otherwise. */
    @TruffleBoundary
    public void point(Event.Kind kind, Object object, boolean write, Object detail) {
        ThreadScheduler s = scheduler;
        if (s != null) {
            s.point(kind, object, write, detail);
        }
    }

    public GuestThread currentThread() {
        return current;
    }

    public void setCurrentThread(GuestThread thread) {
        this.current = thread;
    }

    /** A scheduled thread started another. */
    @TruffleBoundary
    public void threadSpawned(GuestThread parent, GuestThread child) {
        listeners.threadSpawned(parent, child);
    }

    /** A scheduled thread saw another end. */
    @TruffleBoundary
    public void threadJoined(GuestThread joiner, GuestThread child) {
        listeners.threadJoined(joiner, child);
    }

    /** A guest function a listener watches is called by the current thread. */
    @TruffleBoundary
    public void functionCalled(String function, Node location) {
        listeners.functionCalled(current, function, location);
    }

    /**
     * The current thread's guest stack at a check site (a call, a field access), taken the
     * first time the thread is there and reused after: walking the stack at every shared access
     * would cost more than the rest of the checks together (seven times the whole execution
     * with the JIT). Each thread has its own (the same code reached by two threads shows each
     * its own frames). A site in a function that several call sites call (6.x's
     * adjust_present_page_count, from online_pages, memory_block_online and memory_block_offline)
     * keeps one per kernel operation the thread is in and set of locks it holds there, which
     * tells such callers apart where it matters most (a report shows the locks with the stack)
     * without a stack walk (even one frame's costs the JIT dearly). Callers in the same operation
     * holding the same locks still show the first.
     */
    @TruffleBoundary
    public KernelReports.Captured stackAt(Node location) {
        StackSite site = stacksAtSite.computeIfAbsent(location, StackSite::new);
        Map<Object, KernelReports.Captured> byThread = site.byThread;
        String thread = current == null ? "" : current.name();
        Object key = site.root instanceof CalledFrom f && f.calledFromSeveralSites() && current != null
                ? new StackKey(thread, current.operation(), heldLocks(current)) : thread;
        KernelReports.Captured c = byThread.get(key);
        if (c == null) {
            c = KernelReports.capture(location);
            byThread.put(key, c);
        }
        return c;
    }

    /**
     * A thread at a site in a function called from several sites: its operation and the locks
     * it holds, as values (lock and mode): a hold is an object of its own execution, and a key
     * made of holds would miss in every later execution, walking the stack each time and
     * growing the map without end.
     */
    private record StackKey(String thread, String operation, List<HeldKey> held) {
    }

    private record HeldKey(KernelLock lock, LockMode mode) {
    }

    private static List<HeldKey> heldLocks(GuestThread thread) {
        List<GuestThread.HeldLock> held = thread.held();
        List<HeldKey> keys = new ArrayList<>(held.size());
        for (GuestThread.HeldLock h : held) {
            keys.add(new HeldKey(h.lock(), h.mode()));
        }
        return keys;
    }

    // ------------------------------------------------------------------ memory blocks and sysfs

    @TruffleBoundary
    public HLObject newMemoryBlock(long startSectionNr, long nid) {
        HLObject mem = blocks.create(startSectionNr, nid);
        identify(mem);
        if (mem.get("dev") instanceof HLObject dev) {
            identify(dev);
            if (dev.get("mutex") instanceof KernelLock lock) {
                lock.identify(newIdentity());
            }
        }
        return mem;
    }

    /** Gives an object made now its identity across executions (see {@link #newIdentity}). */
    public void identify(HLObject object) {
        object.identify(newIdentity());
    }

    /**
     * The identity across executions of an object made now during a scenario's execution (see
     * FieldKey): which thread made it and how many it had made before. Outside a scenario an
     * object is the same in every execution and needs none: 0.
     */
    private long newIdentity() {
        return current != null && runningScheduler() != null ? current.nextIdentity() : 0;
    }

    /** The sysfs directory of memory block {@code id}: what device_add makes and a lookup of the block reads. */
    private static String blockDirectory(long id) {
        return MEMORY_DIRECTORY + "/memory" + id;
    }

    @TruffleBoundary
    public HLObject findBlock(long id) {
        // a step that reads the block's place in the registry: device_add and device_del write
        // it, so a lookup racing with them is explored both ways
        point(Event.Kind.READ, new SysfsKey(blockDirectory(id)), false, "find_memory_block " + id);
        return blocks.find(id);
    }

    /**
     * The registered blocks, as {@code for_each_memory_block} walks the memory subsystem's
     * devices: a step that reads the memory directory and every block's directory below it,
     * so a listing racing with a device_add or device_del is explored both ways.
     */
    @TruffleBoundary
    public List<HLObject> listBlocks() {
        point(Event.Kind.READ, MEMORY_BLOCKS, false, "for_each_memory_block");
        return new ArrayList<>(blocks.registered().values());
    }

    private static final String MEMORY_DIRECTORY = "/sys/devices/system/memory";
    private static final SysfsTree MEMORY_BLOCKS = new SysfsTree(new SysfsKey(MEMORY_DIRECTORY));

    /** device_add: the block becomes findable and its sysfs directory appears (KOBJ_ADD). */
    @TruffleBoundary
    public void registerBlock(HLObject mem, Node location) {
        long id = KernelObjects.num(mem, "phys_index");
        if (blocks.isRegistered(id)) {
            throw new HLException("memory" + id + " is already registered", location);
        }
        String directory = blockDirectory(id);
        point(Event.Kind.WRITE, new SysfsKey(directory), true, new Event.Note(Event.Note.What.APPEARS, "device_add: " + directory + " appears"));
        blocks.register(id, mem);
        HLObject dev = (HLObject) mem.get("dev");
        dev.set("kobj_visible", true);
        // kobject_add makes the directory's kernfs node: its active references are new
        KernelLock active = locking.newActiveReference("memory" + id);
        active.identify(newIdentity());
        sysfs.addDevice(directory, "memory", dev, active);
        if (scheduler != null) {
            listeners.deviceAdded(current, new SysfsKey(directory));
            scheduler.directoryAdded(directory);
        }
    }

    /**
     * device_unregister: the sysfs directory goes away. device_del -> kobject_del ->
     * kernfs_remove -> __kernfs_remove first deactivates the directory's nodes and drains them
     * (kernfs_drain): it waits, as a writer, until the stores in progress have put their active
     * references, and lockdep records the locks held here before {@code kn->count}.
     */
    @TruffleBoundary
    public void unregisterBlock(HLObject mem, Node location) {
        long id = KernelObjects.num(mem, "phys_index");
        String directory = blockDirectory(id);
        KernelLock active = sysfs.activeReference(directory);
        if (active != null) {
            drain(active, location);
        }
        point(Event.Kind.WRITE, new SysfsKey(directory), true, "device_del: " + directory + " goes away");
        blocks.unregister(id);
        HLObject dev = (HLObject) mem.get("dev");
        dev.set("kobj_visible", false);
        sysfs.removeDevice(directory);
    }

    /** A thread found a sysfs file: it sees everything the device's creator did before adding it. */
    @TruffleBoundary
    public void sysfsFound(String path) {
        sysfsFound(SysfsKey.of(path));
    }

    /** A thread found a file in this directory, or the directory itself. */
    @TruffleBoundary
    public void sysfsFound(SysfsKey directory) {
        if (scheduler != null) {
            listeners.sysfsFound(current, directory);
        }
    }

    // ------------------------------------------------------------------ kernfs active references

    /**
     * kernfs_get_active: a reference for read, or false when removal has deactivated the node
     * (the write then returns -ENODEV). It never waits: lockdep records it as a trylock
     * (rwsem_acquire_read(..., 1, ...)), so it adds no dependency, but later acquisitions
     * record one from {@code kn->count}.
     */
    @TruffleBoundary
    public boolean getActive(KernelLock active) {
        point(Event.Kind.TRYLOCK, active, false, LockMode.READ);
        GuestThread thread = current;
        if (!active.available(LockMode.READ)) {
            locking.logged(thread, "?", active, LockMode.READ);
            return false;
        }
        active.grant(thread, LockMode.READ);
        locking.touched(active);
        locking.logged(thread, "+", active, LockMode.READ);
        return true;
    }

    /**
     * kernfs_put_active. A write whose store failed its trylock and restarts puts its
     * reference within that failed trylock's step (the store returned at once, and the
     * restart waits for the lock before anything else): that step does nothing else another
     * thread can see but let a drain go on, whose acquire races with this write's
     * kernfs_get_active; the failure itself races with the acquire it failed against, as the
     * retry would (the retry may end at kernfs_get_active: -ENODEV).
     */
    @TruffleBoundary
    public void putActive(KernelLock active, boolean withinFailedTrylock, Node location) {
        if (!withinFailedTrylock || !current.holds(active)) {
            release(active, location);
            return;
        }
        active.release(current);
        locking.logged(current, "-", active, LockMode.READ);
        waiter.released(this, active);
    }

    /** kernfs_drain: deactivate, then wait as a writer until every active reference is put. */
    private void drain(KernelLock active, Node location) {
        point(Event.Kind.ACQUIRE, active, true, LockMode.WRITE);
        GuestThread thread = current;
        if (thread.holds(active)) {
            // lockdep's rwsem_acquire(&kn->dep_map) in kernfs_drain finds kn->count held
            recursiveLocking(thread, active, location);
            throw new KernelDeadlockException(thread.name() + " removes " + active.name() + " while holding an active reference to it: "
                    + "kernfs_drain waits for itself (self-deadlock)", location);
        }
        listeners.lockAcquiring(thread, active, LockMode.WRITE, location);
        // from here on the node refuses new references (a waiting writer), so a restore resets it
        locking.touched(active);
        waitUntilGrantable(thread, active, LockMode.WRITE, location);
        active.grant(thread, LockMode.WRITE);
        active.deactivate();
        locking.logged(thread, "+", active, LockMode.WRITE);
        listeners.lockAcquired(thread, active, LockMode.WRITE, location);
        release(active, location);
    }

    // ------------------------------------------------------------------ locks

    /** Takes the lock, waiting (through the scheduler) while it is not available. */
    @TruffleBoundary
    public void acquire(KernelLock lock, LockMode mode, Node location) {
        point(Event.Kind.ACQUIRE, lock, lock.exclusive(mode), mode);
        GuestThread thread = current;
        if (thread.holds(lock)) {
            // lockdep's check_deadlock reports it before the acquire, and records no dependency
            // for it (validate_chain stops there)
            recursiveLocking(thread, lock, location);
            // In a scenario the thread blocks on itself, as a kernel task does on a mutex it
            // holds: the execution ends in a deadlock. Outside one (or when the lock is free to
            // take again, a second read) nothing could ever release it.
            if (scheduler == null || lock.available(mode)) {
                throw new KernelDeadlockException(thread.name() + " takes " + lock.name() + " again while holding it: "
                        + lock.kind().kernelName() + " is not recursive (self-deadlock)", location);
            }
        } else {
            listeners.lockAcquiring(thread, lock, mode, location);
        }
        waitUntilGrantable(thread, lock, mode, location);
        granted(lock.grant(thread, mode));
        locking.logged(thread, "+", lock, mode);
        listeners.lockAcquired(thread, lock, mode, location);
    }

    /**
     * Waits (through the scheduler) until the thread may take the lock, in its place among
     * the lock's waiters (see {@link KernelLock#grantable}).
     */
    private void waitUntilGrantable(GuestThread thread, KernelLock lock, LockMode mode, Node location) {
        try {
            while (!lock.grantable(thread, mode)) {
                lock.waits(thread, mode);
                waiter.waitFor(this, thread, lock, mode, location);
            }
        } catch (RuntimeException | Error e) {
            // no thread could release it (outside a scenario), or the execution let the thread go
            lock.stopsWaiting(thread);
            throw e;
        }
    }

    /** A hold that overlaps others (the lock was released under their threads) is told to the checks. */
    private void granted(GuestThread.HeldLock hold) {
        if (!hold.exclusive()) {
            listeners.holdsOverlapped(hold);
        }
    }

    /** Waits (through the scheduler) until the lock could be granted, without taking it. */
    @TruffleBoundary
    public void waitUntilAvailable(KernelLock lock, LockMode mode, Node location) {
        // a step that changes nothing: the scheduler runs it as soon as the thread gets here,
        // and the thread is not scheduled again until the lock could be granted (a restarted
        // write is a blocking acquire that adds no schedules of its own)
        point(Event.Kind.WAIT, lock, false, "waits until " + lock.name() + " is free");
        while (!lock.available(mode)) {
            waiter.waitFor(this, current, lock, mode, location);
        }
    }

    /** Takes the lock if it is available now; never waits. */
    @TruffleBoundary
    public boolean tryAcquire(KernelLock lock, LockMode mode) {
        point(Event.Kind.TRYLOCK, lock, lock.exclusive(mode), mode);
        GuestThread thread = current;
        if (!lock.available(mode)) {
            thread.setFailedTrylock(lock);
            locking.logged(thread, "?", lock, mode);
            return false;
        }
        granted(lock.grant(thread, mode));
        locking.logged(thread, "+", lock, mode);
        if (thread.failedTrylock() == lock) {
            thread.setFailedTrylock(null);
        }
        return true;
    }

    /**
     * Releases the lock. Releasing a lock the thread does not hold is what lockdep's
     * __lock_release reports as a bad unlock balance (it finds no such held lock among the
     * releasing task's, whether the lock is free or another thread's); the lock is released
     * anyway, as mutex_unlock does (its own DEBUG_LOCKS_WARN_ON stays silent: lockdep turned
     * the debug checks off first), and its owner goes on holding it as lockdep sees it. The
     * owner's own unlock later releases the lock whoever holds it then (see KernelLock).
     */
    @TruffleBoundary
    public void release(KernelLock lock, Node location) {
        point(Event.Kind.RELEASE, lock, lock.exclusive(current.modeOf(lock)), null);
        GuestThread thread = current;
        LockMode mode = thread.modeOf(lock);
        if (mode == null) {
            GuestThread owner = lock.releaseByNonOwner();
            badUnlock(thread, lock, owner, location);
            if (owner != null) {
                locking.logged(thread, "-", lock, LockMode.WRITE);
                waiter.released(this, lock);
            }
            return;
        }
        lock.release(thread);
        locking.logged(thread, "-", lock, mode);
        waiter.released(this, lock);
    }

    // ------------------------------------------------------------------ snapshots

    @TruffleBoundary
    public State saveState() {
        return new State(blocks.save(), resources.save(), sysfs.saveFiles(), operations.save(), locking.save(), log.save());
    }

    @TruffleBoundary
    public void restoreState(State s) {
        blocks.restore(s.blocks());
        resources.restore(s.resources());
        sysfs.restoreFiles(s.files());
        operations.restore(s.events());
        locking.restore(s.locks());
        log.restore(s.log());
    }

    static void truncate(List<?> list, int size) {
        if (list.size() > size) {
            list.subList(size, list.size()).clear();
        }
    }

    // ------------------------------------------------------------------ the kernel log

    public KernelLog log() {
        return log;
    }

    /** A script replaced the model's function with {@code patch fn}: BUG reports name the patched kernel. */
    @TruffleBoundary
    public void patched(String function) {
        if (!patches.contains(function)) {
            patches.add(function);
        }
    }

    /** The model functions scripts patched, in the order they were first patched. */
    @TruffleBoundary
    public List<String> patches() {
        return List.copyOf(patches);
    }

    /** WARN: the first time at a place it goes to the kernel log (and the console outside scenarios). */
    @TruffleBoundary
    public void warn(String message, Node location) {
        KernelReports.Captured captured = stackAt(location);
        String key = "warning:" + message + ":" + captured.key();
        report(key, "warning", "WARNING: " + message, () -> KernelReports.warning(this, message, location), captured);
    }

    /** lockdep's print_deadlock_bug: the thread is about to take a lock it holds. */
    private void recursiveLocking(GuestThread thread, KernelLock lock, Node location) {
        // its own stack, not stackAt's: a lock builtin is one node for every caller, and these
        // reports are rare enough to walk the stack each time
        KernelReports.Captured captured = KernelReports.capture(location);
        String key = "recursive_locking:" + lock.lockClass() + ":" + captured.functions();
        report(key, "recursive_locking", "possible recursive locking detected: " + thread.name() + " takes " + lock.name() + " again",
                () -> KernelReports.recursiveLocking(thread, lock, location), captured);
    }

    /** lockdep's print_unlock_imbalance_bug: the thread releases a lock it does not hold (free, or {@code owner}'s). */
    private void badUnlock(GuestThread thread, KernelLock lock, GuestThread owner, Node location) {
        // the stack this thread had at its first bad unlock (stackAt, per builtin node and
        // thread): 4.20's probe releases a lock it does not hold in every execution, and walking
        // compiled frames each time cost the JIT half its speed on the three-thread workload; a
        // later bad unlock of the same class and case by the thread counts under that path
        // (spec/checks.md; lockdep reports only its first one)
        KernelReports.Captured captured = stackAt(location);
        // the same site releasing a free lock and another thread's are two findings: only the
        // second takes the lock from under its holder
        String key = "bad_unlock:" + lock.lockClass() + (owner == null ? ":free:" : ":held:") + captured.functions();
        String title = "bad unlock balance detected: " + thread.name() + " releases " + lock.name()
                + (owner == null ? " which is not locked" : " held by " + owner.name());
        report(key, "bad_unlock", title, () -> KernelReports.badUnlock(thread, lock, owner, location), captured);
    }

    /**
     * A report the kernel prints (a WARN, a lockdep splat): the first time under its key it
     * goes to the kernel log (and the console outside scenarios); every time to the listeners.
     */
    private void report(String key, String category, String title, Supplier<String> text, KernelReports.Captured captured) {
        KernelWarning warning = log.warned(key);
        if (warning == null) {
            warning = new KernelWarning(key, category, title, text.get(), captured.frames());
            log.firstWarning(warning);
            listeners.warning(warning);
            if (scheduler == null) {
                console.println(warning.report());
            }
            return;
        }
        listeners.warning(warning);
    }

    // ------------------------------------------------------------------ shared state and invariants

    /** Null when the simulator's invariants hold, else what is broken. */
    @TruffleBoundary
    public String checkInvariants() {
        return invariants.check();
    }

    /**
     * Every access to shared kernel state passes here: listeners hear of it before and, while
     * threads are scheduled, after its scheduling point; a write of a block's state must
     * follow the kernel's state machine.
     */
    public void onSharedAccess(Node location, HLObject object, int field, boolean write, Object value) {
        listeners.sharedAccessing(current, object, field, write, location);
        if (scheduler != null) {
            point(write ? Event.Kind.WRITE : Event.Kind.READ, new FieldKey(object, field), write, value);
            listeners.sharedAccessed(current, object, field, write, location);
        }
        if (write) {
            invariants.checkWrite(object, field, value, operations.currentStep(current), location);
        }
    }
}
