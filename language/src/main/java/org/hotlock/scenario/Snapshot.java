package org.hotlock.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.hotlock.context.HotLockContext;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelLock;
import org.hotlock.runtime.ChangeJournal;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state an exploration starts every execution from: the globals, every struct and list
 * reachable from them and from the kernel (field values copied into the same objects on
 * restore, so every reference, including the caches of compiled code, stays valid), the
 * kernel's own tables, and all locks free. Objects made during an execution become
 * unreachable when it is restored.
 */
public final class Snapshot {
    private final HotLockContext context;
    private final Kernel kernel;
    private final Object[] globals;
    private final Kernel.State kernelState;
    private final Map<HLObject, Object[]> objects = new IdentityHashMap<>();
    private final Map<HLList, Object[]> lists = new IdentityHashMap<>();
    private final List<KernelLock> locks = new ArrayList<>();
    /** The objects and lists written since the last restore: only those are put back. */
    private final ChangeJournal journal = new ChangeJournal();

    @TruffleBoundary
    public Snapshot(HotLockContext context, Kernel kernel) {
        this.context = context;
        this.kernel = kernel;
        this.globals = context.saveGlobals();
        this.kernelState = kernel.saveState();
        // every object the executions can touch gets an identity, in an order fixed by the
        // script alone, so that a worker's context names the same objects alike
        for (KernelLock lock : kernel.locking().globalLocks().values()) {
            identify(lock);
        }
        kernel.locking().deviceLocks().forEach(this::identify);
        kernel.locking().activeReferences().forEach(this::identify);
        Deque<Object> work = new ArrayDeque<>();
        for (Object g : globals) {
            work.push(g);
        }
        work.addAll(kernel.blocks().values());
        work.addAll(kernel.nodes());
        work.addAll(kernel.resources());
        if (kernel.topology().memoryBus() != null) {
            work.push(kernel.topology().memoryBus());
        }
        while (!work.isEmpty()) {
            Object v = work.pop();
            if (v instanceof HLObject o) {
                if (objects.containsKey(o)) {
                    continue;
                }
                identify(o);
                Object[] values = new Object[o.type().fieldCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = o.get(i);
                    work.push(values[i]);
                }
                objects.put(o, values);
            } else if (v instanceof HLList l) {
                if (lists.containsKey(l)) {
                    continue;
                }
                Object[] elements = l.toArray();
                lists.put(l, elements);
                for (Object e : elements) {
                    work.push(e);
                }
            } else if (v instanceof KernelLock lock) {
                locks.add(lock);
                identify(lock);
            }
        }
        for (HLObject o : objects.keySet()) {
            o.watch(journal);
        }
        for (Map.Entry<HLList, Object[]> e : lists.entrySet()) {
            e.getKey().watch(journal);
        }
    }

    /**
     * Objects that exist when a scenario starts had no identity (they are the same objects in
     * every execution); they get one here, counting down from -1 over the whole script, so
     * every context that ran the same script gives the same object the same number.
     */
    private void identify(HLObject o) {
        if (o.identity() == 0) {
            o.identify(context.newSetupIdentity());
        }
    }

    private void identify(KernelLock lock) {
        if (lock.identity() == 0) {
            lock.identify(context.newSetupIdentity());
        }
    }

    public int objectCount() {
        return objects.size() + lists.size();
    }

    @TruffleBoundary
    public void restore() {
        context.restoreGlobals(globals);
        kernel.restoreState(kernelState);
        for (int k = 0; k < journal.objectCount(); k++) {
            HLObject o = journal.object(k);
            o.restore(objects.get(o));
        }
        for (int k = 0; k < journal.listCount(); k++) {
            HLList l = journal.list(k);
            l.restore(lists.get(l));
        }
        journal.clear();
        for (KernelLock lock : locks) {
            lock.resetForSnapshot();
        }
    }
}
