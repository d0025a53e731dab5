package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.HotLockContext;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.HLRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated kernel's state: memory blocks and their devices, nodes and zones, the iomem
 * resources, the sysfs tree, the locks, and the log of every lock operation. The kernel's
 * behaviour lives in the HotLock models; this class only keeps state and enforces the
 * mechanisms (who holds which lock, what a path names).
 */
public final class Kernel {
    public static final int MEM_ONLINE = 1;
    public static final int MEM_GOING_OFFLINE = 2;
    public static final int MEM_OFFLINE = 4;
    public static final long PAGE_SHIFT = 12;
    /** Refuse machines with more blocks than this: each block is an object and sysfs files. */
    public static final long MAX_BLOCKS = 1L << 16;

    public final KernelTypes types = new KernelTypes();
    public final String version;
    private MachineSpec machine;
    private final TreeMap<Long, HLObject> blocks = new TreeMap<>();
    private final List<HLObject> nodes = new ArrayList<>();
    private final List<HLObject> resources = new ArrayList<>();
    private final Map<String, KernelLock> globalLocks = new LinkedHashMap<>();
    private final List<KernelLock> deviceLocks = new ArrayList<>();
    private final Sysfs sysfs = new Sysfs();
    private final Map<String, HLFunction> events = new LinkedHashMap<>();
    private final List<LockEvent> lockLog = new ArrayList<>();
    private final List<String> kernelLog = new ArrayList<>();
    private final List<GuestThread> threads = new ArrayList<>();
    private GuestThread current;
    private LockWaiter waiter = LockWaiter.SINGLE_THREADED;
    private final org.hotlock.check.FindingLog findings = new org.hotlock.check.FindingLog();
    private final org.hotlock.check.RuleBook rules = new org.hotlock.check.RuleBook();
    private final org.hotlock.check.LockGraph lockGraph = new org.hotlock.check.LockGraph();
    private final org.hotlock.check.RaceDetector races = new org.hotlock.check.RaceDetector();
    private boolean checks = true;
    private org.hotlock.sched.Scheduler scheduler;
    private HLObject memoryBus;
    private int operationDepth;
    private String lastOperation = "boot";
    private final List<String> warnings = new ArrayList<>();

    public record LockEvent(GuestThread thread, String op, KernelLock lock, LockMode mode) {
        @Override
        public String toString() {
            String m = lock.kind().hasReadMode() ? "(" + mode.letter() + ")" : "";
            return op + lock.name() + m;
        }
    }

    public Kernel(String version) {
        this.version = version;
        current = new GuestThread("main", 0);
        threads.add(current);
    }

    // ------------------------------------------------------------------ machine

    public boolean booted() {
        return machine != null;
    }

    public MachineSpec machine() {
        return machine;
    }

    public long blockSize() {
        return machine.blockSize;
    }

    public long sectionSize() {
        return machine.sectionSize();
    }

    public long sectionsPerBlock() {
        return machine.blockSize / machine.sectionSize();
    }

    public long pagesPerBlock() {
        return machine.blockSize >> PAGE_SHIFT;
    }

    public Sysfs sysfs() {
        return sysfs;
    }

    public List<HLObject> nodes() {
        return nodes;
    }

    /** Blocks by block id (the N of memoryN), ascending. */
    public TreeMap<Long, HLObject> blocks() {
        return blocks;
    }

    public List<HLObject> resources() {
        return resources;
    }

    public List<String> kernelLog() {
        return kernelLog;
    }

    public void setMemoryBus(HLObject bus) {
        this.memoryBus = bus;
    }

    public HLObject memoryBus() {
        return memoryBus;
    }

    /** Validates the machine and creates its nodes and zones. Boot memory is added by the model. */
    @TruffleBoundary
    public void boot(MachineSpec spec, Node location) {
        if (machine != null) {
            throw new HLException("a machine is already declared (" + machine.name + "); one machine per kernel", location);
        }
        if (!MachineSpec.PLATFORMS.contains(spec.platform)) {
            throw new HLException("unknown platform '" + spec.platform + "' (known: " + String.join(", ", MachineSpec.PLATFORMS) + ")", location);
        }
        long bs = spec.blockSize;
        if (bs <= 0 || Long.bitCount(bs) != 1) {
            throw new HLException("block_size " + bs + " is not a power of two (the kernel's memory_block_size_bytes() always is)", location);
        }
        if (bs < spec.sectionSize()) {
            throw new HLException("block_size " + bs + " is smaller than the " + spec.platform + " memory section size "
                    + spec.sectionSize() + "; a block holds whole sections", location);
        }
        if (spec.nodes.isEmpty()) {
            throw new HLException("machine " + spec.name + " has no NUMA node: declare at least 'node 0 { boot 0..4G }'", location);
        }
        long total = 0;
        List<HLRange> all = new ArrayList<>();
        for (MachineSpec.NodeSpec n : spec.nodes) {
            for (HLRange r : concat(n.boot, n.hotpluggable)) {
                if (r.start() < 0 || r.end() <= r.start()) {
                    throw new HLException("node " + n.id + ": range " + r + " is empty or negative", location);
                }
                if (r.start() % bs != 0 || r.end() % bs != 0) {
                    throw new HLException("node " + n.id + ": range " + r + " is not aligned to the block size " + bs, location);
                }
                for (HLRange other : all) {
                    if (r.start() < other.end() && other.start() < r.end()) {
                        throw new HLException("node " + n.id + ": range " + r + " overlaps " + other, location);
                    }
                }
                all.add(r);
                total += r.size() / bs;
            }
        }
        if (total > MAX_BLOCKS) {
            throw new HLException("machine " + spec.name + " has " + total + " memory blocks; the simulator's limit is " + MAX_BLOCKS
                    + " (use a larger block_size)", location);
        }
        this.machine = spec;
        for (MachineSpec.NodeSpec n : spec.nodes) {
            nodes.add(createNode(n.id));
        }
    }

    private static List<HLRange> concat(List<HLRange> a, List<HLRange> b) {
        List<HLRange> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }

    private HLObject createNode(int id) {
        HLObject pgdat = types.pgdat.instantiate();
        pgdat.set("node_id", (long) id);
        pgdat.set("node_start_pfn", 0L);
        pgdat.set("node_spanned_pages", 0L);
        pgdat.set("node_present_pages", 0L);
        pgdat.set("node_size_lock", newLock("node" + id + "->node_size_lock", "&pgdat->node_size_lock", LockKind.SPINLOCK));
        pgdat.set("online", true);
        HLList zones = new HLList();
        String[] names = {"Normal", "Movable"};
        for (int i = 0; i < names.length; i++) {
            HLObject zone = types.zone.instantiate();
            zone.set("name", names[i]);
            zone.set("idx", (long) i);
            zone.set("nid", (long) id);
            zone.set("zone_start_pfn", 0L);
            zone.set("spanned_pages", 0L);
            zone.set("present_pages", 0L);
            zone.set("zone_pgdat", pgdat);
            zone.set("lock", newLock("node" + id + "." + names[i] + "->lock", "&zone->lock", LockKind.SPINLOCK));
            zone.set("span_seqlock", newLock("node" + id + "." + names[i] + "->span_seqlock", "&zone->span_seqlock", LockKind.SEQLOCK));
            zones.add(zone);
        }
        pgdat.set("node_zones", zones);
        return pgdat;
    }

    public HLObject node(long nid) {
        for (HLObject n : nodes) {
            if (num(n, "node_id") == nid) {
                return n;
            }
        }
        return null;
    }

    /** The node whose boot or hot-pluggable memory contains the address; -1 when none does. */
    public long nodeOfAddress(long address) {
        for (MachineSpec.NodeSpec n : machine.nodes) {
            for (HLRange r : concat(n.boot, n.hotpluggable)) {
                if (r.contains(address)) {
                    return n.id;
                }
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ memory blocks

    /** Creates the memory_block and its device, not yet visible in sysfs (device_add does that). */
    @TruffleBoundary
    public HLObject newMemoryBlock(long startSectionNr, long nid) {
        long id = startSectionNr / sectionsPerBlock();
        HLObject mem = types.memoryBlock.instantiate();
        mem.set("start_section_nr", startSectionNr);
        mem.set("phys_index", id);
        mem.set("state", (long) MEM_OFFLINE);
        mem.set("online_type", -1L);
        mem.set("section_count", 0L);
        mem.set("nid", nid);
        mem.set("phys_device", 0L);
        HLObject dev = types.device.instantiate();
        dev.set("name", "memory" + id);
        dev.set("id", id);
        dev.set("offline", true);
        dev.set("offline_disabled", false);
        dev.set("mutex", newDeviceLock("memory" + id));
        dev.set("bus", memoryBus == null ? HLNull.SINGLETON : memoryBus);
        dev.set("container", mem);
        dev.set("kobj_visible", false);
        mem.set("dev", dev);
        return mem;
    }

    private KernelLock newDeviceLock(String deviceName) {
        KernelLock lock = new KernelLock("device_lock(" + deviceName + ")", "&dev->mutex", LockKind.MUTEX);
        deviceLocks.add(lock);
        return lock;
    }

    /** device_add: the block becomes findable and its sysfs directory appears (KOBJ_ADD). */
    @TruffleBoundary
    public void registerBlock(HLObject mem, Node location) {
        long id = num(mem, "phys_index");
        if (blocks.containsKey(id)) {
            throw new HLException("memory" + id + " is already registered", location);
        }
        String directory = "/sys/devices/system/memory/memory" + id;
        point(org.hotlock.sched.Event.Kind.WRITE, new org.hotlock.sched.SysfsKey(directory), true, "device_add: " + directory + " appears");
        blocks.put(id, mem);
        HLObject dev = (HLObject) mem.get("dev");
        dev.set("kobj_visible", true);
        sysfs.addDevice(directory, "memory", dev);
        if (scheduler != null) {
            if (checks) {
                races.publish(current, new org.hotlock.sched.SysfsKey(directory));
            }
            scheduler.directoryAdded(directory);
        }
    }

    /** device_unregister: the sysfs directory goes away. */
    @TruffleBoundary
    public void unregisterBlock(HLObject mem) {
        long id = num(mem, "phys_index");
        point(org.hotlock.sched.Event.Kind.WRITE, new org.hotlock.sched.SysfsKey("/sys/devices/system/memory/memory" + id), true,
                "device_del: /sys/devices/system/memory/memory" + id + " goes away");
        blocks.remove(id);
        HLObject dev = (HLObject) mem.get("dev");
        dev.set("kobj_visible", false);
        sysfs.removeDevice("/sys/devices/system/memory/memory" + id);
    }

    public HLObject findBlock(long id) {
        return blocks.get(id);
    }

    // ------------------------------------------------------------------ resources

    /** register_memory_resource: claims a "System RAM" range in iomem; null if it conflicts. */
    @TruffleBoundary
    public HLObject requestResource(long start, long size, String name) {
        long end = start + size - 1;
        for (HLObject r : resources) {
            if (start <= num(r, "end") && num(r, "start") <= end) {
                return null;
            }
        }
        HLObject res = types.resource.instantiate();
        res.set("start", start);
        res.set("end", end);
        res.set("name", name);
        res.set("flags", 0L);
        resources.add(res);
        resources.sort((a, b) -> Long.compare(num(a, "start"), num(b, "start")));
        return res;
    }

    /**
     * release_mem_region_adjustable: gives back [start, start+size) from whatever resources
     * cover it, shrinking or splitting a larger one (the boot "System RAM" range).
     */
    @TruffleBoundary
    public void releaseRegionAdjustable(long start, long size) {
        long end = start + size - 1;
        List<HLObject> added = new ArrayList<>();
        for (java.util.Iterator<HLObject> it = resources.iterator(); it.hasNext(); ) {
            HLObject r = it.next();
            long rs = num(r, "start");
            long re = num(r, "end");
            if (re < start || rs > end) {
                continue;
            }
            if (rs >= start && re <= end) {
                it.remove();
            } else if (rs < start && re > end) {
                r.set("end", start - 1);
                HLObject tail = types.resource.instantiate();
                tail.set("start", end + 1);
                tail.set("end", re);
                tail.set("name", r.get("name"));
                tail.set("flags", r.get("flags"));
                added.add(tail);
            } else if (rs < start) {
                r.set("end", start - 1);
            } else {
                r.set("start", end + 1);
            }
        }
        resources.addAll(added);
        resources.sort((a, b) -> Long.compare(num(a, "start"), num(b, "start")));
    }

    @TruffleBoundary
    public boolean releaseResource(HLObject res) {
        return resources.remove(res);
    }

    // ------------------------------------------------------------------ locks

    public KernelLock newLock(String name, String lockClass, LockKind kind) {
        return new KernelLock(name, lockClass, kind);
    }

    /** A global lock of the model ({@code device_hotplug_lock}); one instance per name. */
    @TruffleBoundary
    public KernelLock globalLock(String name, LockKind kind) {
        return globalLocks.computeIfAbsent(name, n -> new KernelLock(n, n, kind));
    }

    public Map<String, KernelLock> globalLocks() {
        return globalLocks;
    }

    public List<KernelLock> deviceLocks() {
        return deviceLocks;
    }

    public GuestThread currentThread() {
        return current;
    }

    public void setCurrentThread(GuestThread thread) {
        this.current = thread;
    }

    public List<GuestThread> threads() {
        return threads;
    }

    public org.hotlock.check.FindingLog findings() {
        return findings;
    }

    public org.hotlock.check.RuleBook rules() {
        return rules;
    }

    public org.hotlock.check.LockGraph lockGraph() {
        return lockGraph;
    }

    public org.hotlock.check.RaceDetector races() {
        return races;
    }

    /** Whether the checkers run (rules, lock order, races); off only to measure their cost. */
    public boolean checks() {
        return checks;
    }

    public void setChecks(boolean checks) {
        this.checks = checks;
    }

    public void setScheduler(org.hotlock.sched.Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public org.hotlock.sched.Scheduler scheduler() {
        return scheduler;
    }

    private final java.util.Map<Node, KernelReports.Captured> stacksAtSite = new java.util.IdentityHashMap<>();

    /**
     * The guest stack at a check site (a call, a field access), taken the first time a check
     * passes there and reused after: walking the stack at every shared access would cost more
     * than the rest of the checks together. A site reached from two different callers shows
     * the first.
     */
    @TruffleBoundary
    public KernelReports.Captured stackAt(Node location) {
        KernelReports.Captured c = stacksAtSite.get(location);
        if (c == null) {
            c = KernelReports.capture(location);
            stacksAtSite.put(location, c);
        }
        return c;
    }

    /** A thread found a sysfs file: it sees everything the device's creator did before adding it. */
    public void sysfsFound(String path) {
        if (scheduler != null && checks) {
            races.observe(current, org.hotlock.sched.SysfsKey.of(path));
        }
    }

    /** A scheduling point, when guest threads are being scheduled; nothing otherwise. */
    public void point(org.hotlock.sched.Event.Kind kind, Object object, boolean write, Object detail) {
        org.hotlock.sched.Scheduler s = scheduler;
        if (s != null) {
            s.point(kind, object, write, detail);
        }
    }

    public void setWaiter(LockWaiter waiter) {
        this.waiter = waiter;
    }

    /** Takes the lock, waiting (through the scheduler) while it is not available. */
    @TruffleBoundary
    public void acquire(KernelLock lock, LockMode mode, Node location) {
        point(org.hotlock.sched.Event.Kind.ACQUIRE, lock, true, mode);
        GuestThread thread = current;
        if (thread.holds(lock)) {
            throw new HLException(thread.name() + " takes " + lock.name() + " again while holding it: "
                    + lock.kind().kernelName() + " is not recursive (self-deadlock)", location);
        }
        if (checks) {
            rules.checkAcquire(this, lock, location);
        }
        while (!lock.available(mode)) {
            waiter.waitFor(this, thread, lock, mode, location);
        }
        lock.grant(thread, mode);
        lockLog.add(new LockEvent(thread, "+", lock, mode));
        if (checks) {
            lockGraph.acquired(this, thread, lock, mode, location);
        }
    }

    /** Waits (through the scheduler) until the lock could be granted, without taking it. */
    @TruffleBoundary
    public void waitUntilAvailable(KernelLock lock, LockMode mode, Node location) {
        while (!lock.available(mode)) {
            waiter.waitFor(this, current, lock, mode, location);
        }
    }

    /** Takes the lock if it is available now; never waits. */
    @TruffleBoundary
    public boolean tryAcquire(KernelLock lock, LockMode mode) {
        point(org.hotlock.sched.Event.Kind.TRYLOCK, lock, true, null);
        GuestThread thread = current;
        if (!lock.available(mode)) {
            thread.setFailedTrylock(lock);
            lockLog.add(new LockEvent(thread, "?", lock, mode));
            return false;
        }
        lock.grant(thread, mode);
        lockLog.add(new LockEvent(thread, "+", lock, mode));
        if (thread.failedTrylock() == lock) {
            thread.setFailedTrylock(null);
        }
        return true;
    }

    /**
     * Releases the lock. Unlocking a mutex the thread does not own is what the kernel's
     * DEBUG_LOCKS_WARN_ON catches: it is reported as a WARN and the lock is released anyway,
     * as the kernel does.
     */
    @TruffleBoundary
    public void release(KernelLock lock, Node location) {
        point(org.hotlock.sched.Event.Kind.RELEASE, lock, true, null);
        GuestThread thread = current;
        LockMode mode = thread.modeOf(lock);
        if (mode == null) {
            if (lock.isFree()) {
                warn("unlock of " + lock.name() + " which is not locked (" + thread.name() + ")", location);
                return;
            }
            GuestThread owner = lock.releaseByNonOwner();
            warn("DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current): " + thread.name() + " unlocks " + lock.name()
                    + " held by " + owner.name(), location);
            lockLog.add(new LockEvent(thread, "-", lock, LockMode.WRITE));
            waiter.released(this, lock);
            return;
        }
        lock.release(thread);
        lockLog.add(new LockEvent(thread, "-", lock, mode));
        waiter.released(this, lock);
    }

    public List<LockEvent> lockLog() {
        return lockLog;
    }

    // ------------------------------------------------------------------ snapshots

    /** The kernel's own (Java) state at a point, to start every execution of an exploration from. */
    public record State(TreeMap<Long, HLObject> blocks, List<HLObject> resources, java.util.SortedMap<String, Sysfs.File> files,
                        Map<String, HLFunction> events, Map<String, KernelLock> globalLocks, int deviceLocks,
                        int lockLog, int kernelLog, int warnings) {
    }

    @TruffleBoundary
    public State saveState() {
        return new State(new TreeMap<>(blocks), new ArrayList<>(resources), sysfs.saveFiles(), new LinkedHashMap<>(events),
                new LinkedHashMap<>(globalLocks), deviceLocks.size(), lockLog.size(), kernelLog.size(), warnings.size());
    }

    @TruffleBoundary
    public void restoreState(State s) {
        blocks.clear();
        blocks.putAll(s.blocks());
        resources.clear();
        resources.addAll(s.resources());
        sysfs.restoreFiles(s.files());
        events.clear();
        events.putAll(s.events());
        globalLocks.clear();
        globalLocks.putAll(s.globalLocks());
        truncate(deviceLocks, s.deviceLocks());
        truncate(lockLog, s.lockLog());
        truncate(kernelLog, s.kernelLog());
        truncate(warnings, s.warnings());
        for (KernelLock l : globalLocks.values()) {
            l.reset();
        }
        for (KernelLock l : deviceLocks) {
            l.reset();
        }
        operationDepth = 0;
    }

    private static void truncate(List<?> list, int size) {
        if (list.size() > size) {
            list.subList(size, list.size()).clear();
        }
    }

    // ------------------------------------------------------------------ events and operations

    @TruffleBoundary
    public void registerEvent(String name, HLFunction handler) {
        events.put(name, handler);
    }

    public HLFunction event(String name) {
        return events.get(name);
    }

    public Map<String, HLFunction> events() {
        return events;
    }

    public void enterOperation(String description) {
        if (operationDepth++ == 0) {
            lastOperation = description;
        }
    }

    /** Leaves a kernel operation; returns true when no thread is inside one any more. */
    public boolean exitOperation() {
        return --operationDepth == 0;
    }

    public String lastOperation() {
        return lastOperation;
    }

    /** The kernel step in progress, for reports: the operation, or the script itself. */
    public String currentStep() {
        return operationDepth > 0 ? lastOperation : current.name() + ": the script itself, outside any kernel operation";
    }

    // ------------------------------------------------------------------ reports

    @TruffleBoundary
    public void log(String line) {
        kernelLog.add(line);
    }


    public List<String> warnings() {
        return warnings;
    }

    @TruffleBoundary
    public void warn(String message, Node location) {
        KernelReports.Captured captured = stackAt(location);
        String key = "warning:" + message.replaceAll("held by \\S+|\\(\\S+\\)$", "") + ":" + captured.key();
        if (findings.has(key)) {
            findings.add(findings.get(key));
            return;
        }
        String report = KernelReports.warning(this, message, location);
        warnings.add(report);
        findings.add(new org.hotlock.check.Finding(org.hotlock.check.Finding.Kind.WARNING, null, "warning",
                "WARNING: " + message, report, captured.frames(), key));
        log(report);
        if (scheduler == null) {
            HotLockContext.get(location).err().println(report);
        }
    }

    // ------------------------------------------------------------------ invariants

    /**
     * The simulator's own invariants, checked whenever no thread is inside a kernel operation:
     * each zone's present pages equal the pages of the online blocks in it. Returns a
     * description of the first broken one, or null.
     */
    @TruffleBoundary
    public String checkInvariants() {
        if (machine == null) {
            return null;
        }
        long perBlock = pagesPerBlock();
        Map<HLObject, Long> expected = new LinkedHashMap<>();
        for (HLObject node : nodes) {
            for (Object z : ((HLList) node.get("node_zones")).snapshot()) {
                expected.put((HLObject) z, 0L);
            }
        }
        for (HLObject mem : blocks.values()) {
            if (num(mem, "state") == MEM_ONLINE && mem.get("zone") instanceof HLObject zone) {
                expected.merge(zone, perBlock, Long::sum);
            }
        }
        for (Map.Entry<HLObject, Long> e : expected.entrySet()) {
            HLObject zone = e.getKey();
            long present = num(zone, "present_pages");
            if (present != e.getValue()) {
                return "zone " + zone.get("name") + " (node " + zone.get("nid") + "): present_pages is " + present
                        + " but its online blocks hold " + e.getValue() + " pages ("
                        + (e.getValue() > present ? (e.getValue() - present) + " pages lost)" : (present - e.getValue()) + " pages counted twice)");
            }
        }
        for (HLObject node : nodes) {
            long sum = 0;
            for (Object z : ((HLList) node.get("node_zones")).snapshot()) {
                sum += num((HLObject) z, "present_pages");
            }
            long nodePresent = num(node, "node_present_pages");
            if (sum != nodePresent) {
                return "node " + node.get("node_id") + ": node_present_pages is " + nodePresent + " but its zones hold " + sum + " pages";
            }
        }
        return null;
    }

    /**
     * Every access to shared kernel state passes here. A write of a block's state must follow
     * the kernel's state machine (memory_block_change_state and the callers that poke the
     * state directly, as memtrace does).
     */
    public void onSharedAccess(Node location, HLObject object, int field, boolean write, Object value) {
        if (checks) {
            rules.checkAccess(this, object.type().name() + "." + object.type().fieldName(field), write, location);
        }
        if (scheduler != null) {
            point(write ? org.hotlock.sched.Event.Kind.WRITE : org.hotlock.sched.Event.Kind.READ, new org.hotlock.sched.FieldKey(object, field), write, value);
            if (checks) {
                races.access(this, current, object, field, write, location);
            }
        }
        if (write && object.type() == types.memoryBlock && field == types.blockState) {
            Object old = object.get(field);
            boolean legal = value instanceof Long to && (to == MEM_ONLINE || to == MEM_OFFLINE || to == MEM_GOING_OFFLINE)
                    && (!(old instanceof Long from) || legalTransition(from, to));
            if (!legal) {
                throw new InvariantException("kernel invariant broken: memory" + object.get("phys_index") + " state "
                        + (old instanceof Long l ? stateName(l) : org.hotlock.runtime.Display.showNested(old)) + " -> "
                        + (value instanceof Long l ? stateName(l) : org.hotlock.runtime.Display.showNested(value))
                        + " is not a transition of the memory block state machine"
                        + "\n  during step: " + currentStep(), location);
            }
        }
    }

    /** A block state reads as its name; everything else as it prints. */
    @TruffleBoundary
    public static String describeValue(HLObject object, int field, Object value) {
        if (object.type().name().equals("memory_block") && object.type().fieldName(field).equals("state") && value instanceof Long l) {
            return stateName(l);
        }
        return org.hotlock.runtime.Display.show(value);
    }

    /** {@code node0.Normal.present_pages}, {@code memory32.state}: how reports name a shared field. */
    @TruffleBoundary
    public static String describeField(HLObject object, int field) {
        String owner;
        if (object.type().name().equals("zone")) {
            owner = "node" + object.get("nid") + "." + object.get("name");
        } else if (object.type().name().equals("memory_block")) {
            owner = "memory" + object.get("phys_index");
        } else if (object.type().name().equals("pglist_data")) {
            owner = "node" + object.get("node_id");
        } else {
            owner = object.type().name();
        }
        return owner + "." + object.type().fieldName(field);
    }

    /**
     * An integer field of a kernel struct. Scripts can assign any value to a field, so a
     * kernel object may hold a string where the kernel keeps a number: that is a located
     * guest error, not a Java one.
     */
    @TruffleBoundary
    public static long num(HLObject object, String field) {
        Object v = object.get(field);
        if (v instanceof Long l) {
            return l;
        }
        throw new HLException("kernel state corrupted: " + object.type().name() + "." + field + " holds "
                + org.hotlock.runtime.Display.typeName(v) + " " + org.hotlock.runtime.Display.showNested(v) + ", not an int", null);
    }

    /** Whether a block state change is one the kernel's state machine allows. */
    public static boolean legalTransition(long from, long to) {
        if (from == to) {
            return true;
        }
        return (from == MEM_OFFLINE && to == MEM_ONLINE)
                || (from == MEM_ONLINE && to == MEM_GOING_OFFLINE)
                || (from == MEM_GOING_OFFLINE && (to == MEM_OFFLINE || to == MEM_ONLINE));
    }

    public static String stateName(long state) {
        return switch ((int) state) {
            case MEM_ONLINE -> "online";
            case MEM_GOING_OFFLINE -> "going-offline";
            case MEM_OFFLINE -> "offline";
            default -> "ERROR-UNKNOWN-" + state;
        };
    }
}
