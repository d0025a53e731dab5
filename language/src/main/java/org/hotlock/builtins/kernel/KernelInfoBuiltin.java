package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.GuestThread;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockMode;
import org.hotlock.kernel.MachineSpec;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kernel_info()}: the simulated kernel as one value an embedder can walk through
 * interop: {@code version}, {@code machine} (name, platform, block_size, auto_online,
 * drivers), {@code nodes}, {@code zones}, {@code blocks} (the kernel's own structs) and
 * {@code locks} (name, kind, class, holders, mode).
 */
@Builtin(name = "kernel_info", doc = "kernel_info(): the kernel, machine, nodes, zones, blocks and locks as one value")
public abstract class KernelInfoBuiltin extends KernelBuiltinNode {
    static final StructType KERNEL = new StructType("kernel", List.of("version", "machine", "nodes", "zones", "blocks", "locks"));
    static final StructType MACHINE = new StructType("machine", List.of("name", "platform", "block_size", "auto_online", "drivers"));
    static final StructType LOCK = new StructType("lock", List.of("name", "kind", "lock_class", "holders", "mode"));

    @Specialization
    @TruffleBoundary
    protected Object info() {
        Kernel k = bootedKernel();
        if (k.runningScheduler() != null) {
            // it reads every lock's holders and every block at once, and no step of the
            // schedule says so: the explorer would not order it against other threads' steps
            throw error("kernel_info() shows the kernel at the top level and to an embedder, not in a scenario's thread: "
                    + "there the explorer does not order it against other threads' steps; use memory_blocks() or the objects' fields");
        }
        HLObject kernel = KERNEL.instantiate();
        kernel.set("version", k.version);
        MachineSpec m = k.machine();
        HLObject machine = MACHINE.instantiate();
        machine.set("name", m.name);
        machine.set("platform", m.platform);
        machine.set("block_size", m.blockSize);
        machine.set("auto_online", m.autoOnline);
        machine.set("drivers", new HLList(new ArrayList<Object>(m.drivers)));
        kernel.set("machine", machine);
        HLList nodes = new HLList();
        HLList zones = new HLList();
        for (HLObject node : k.nodes()) {
            nodes.add(node);
            for (Object z : ((HLList) node.get("node_zones")).snapshot()) {
                zones.add(z);
            }
        }
        kernel.set("nodes", nodes);
        kernel.set("zones", zones);
        kernel.set("blocks", new HLList(new ArrayList<Object>(k.blocks().values())));
        HLList locks = new HLList();
        List<KernelLock> all = new ArrayList<>(k.locking().globalLocks().values());
        all.addAll(k.locking().deviceLocks());
        for (KernelLock l : all) {
            HLObject lock = LOCK.instantiate();
            lock.set("name", l.name());
            lock.set("kind", l.kind().kernelName());
            lock.set("lock_class", l.lockClass());
            HLList holders = new HLList();
            for (GuestThread t : l.holders()) {
                holders.add(t.name());
            }
            lock.set("holders", holders);
            lock.set("mode", l.heldMode() == null ? "free" : l.heldMode() == LockMode.READ ? "read" : "write");
            locks.add(lock);
        }
        kernel.set("locks", locks);
        return kernel;
    }
}
