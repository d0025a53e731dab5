package org.hotlock.session;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.hotlock.check.Rule;
import org.hotlock.context.HotLockContext;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.GuestThread;
import org.hotlock.kernel.KernelObjects;
import org.hotlock.kernel.KernelReports;
import org.hotlock.kernel.MachineSpec;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLObject;
import org.hotlock.sched.Interleaving;
import org.hotlock.sched.ScenarioReport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The text the REPL shows for /machine, /blocks, /locks, /rules, /trace and /threads; ""
 * when there is nothing to show.
 */
final class KernelStatus {
    static final String TOPICS = "machine, blocks, locks, rules, trace or threads";

    private KernelStatus() {
    }

    /**
     * lockdep's "N locks held by T/id:" for the script's thread and every thread holding a
     * lock now (a thread left holding one by an execution that stopped, or that ended so).
     */
    private static void heldLocks(Kernel k, StringBuilder sb) {
        Set<GuestThread> threads = new LinkedHashSet<>();
        threads.add(k.currentThread());
        List<KernelLock> all = new ArrayList<>(k.locking().globalLocks().values());
        all.addAll(k.locking().deviceLocks());
        for (KernelLock l : all) {
            threads.addAll(l.holders());
        }
        for (GuestThread t : threads) {
            if (t != null) {
                KernelReports.heldLocks(sb, t);
            }
        }
    }

    @TruffleBoundary
    static String text(HotLockContext context, String what) {
        Kernel k = context.kernel();
        StringBuilder sb = new StringBuilder();
        switch (what) {
            case "machine" -> {
                if (k == null) {
                    return "no kernel loaded";
                }
                sb.append("kernel ").append(k.version).append('\n');
                if (!k.booted()) {
                    return sb.append("no machine declared").toString();
                }
                MachineSpec m = k.machine();
                sb.append("machine ").append(m.name).append(": platform ").append(m.platform).append(", block_size ")
                        .append(Display.hex(m.blockSize)).append(", auto_online ").append(m.autoOnline)
                        .append(", drivers ").append(m.drivers.isEmpty() ? "none" : String.join(", ", m.drivers)).append('\n');
                for (MachineSpec.NodeSpec n : m.nodes) {
                    sb.append("  node ").append(n.id).append(": boot ").append(n.boot).append(", hotpluggable ").append(n.hotpluggable).append('\n');
                }
                for (HLObject node : k.nodes()) {
                    for (Object z : ((HLList) node.get("node_zones")).snapshot()) {
                        HLObject zone = (HLObject) z;
                        sb.append("  zone ").append(zone.get("name")).append(" (node ").append(zone.get("nid")).append("): present_pages ")
                                .append(zone.get("present_pages")).append('\n');
                    }
                }
            }
            case "blocks" -> {
                if (k == null || !k.booted()) {
                    return "no machine declared";
                }
                for (HLObject mem : k.blocks().values()) {
                    Object zone = mem.get("zone");
                    sb.append(String.format("  memory%-4d %-13s node %d  %s%n", KernelObjects.num(mem, "phys_index"), KernelObjects.stateName(KernelObjects.num(mem, "state")),
                            KernelObjects.num(mem, "nid"), zone instanceof HLObject z && KernelObjects.num(mem, "state") == KernelObjects.MEM_ONLINE ? "zone " + z.get("name") : ""));
                }
            }
            case "locks" -> {
                if (k == null) {
                    return "no kernel loaded";
                }
                heldLocks(k, sb);
                sb.append("\nlocks:\n");
                for (KernelLock l : k.locking().globalLocks().values()) {
                    sb.append("  ").append(l.describe()).append('\n');
                }
                for (KernelLock l : k.locking().deviceLocks()) {
                    if (!l.isFree()) {
                        sb.append("  ").append(l.describe()).append('\n');
                    }
                }
            }
            case "rules" -> {
                if (k == null) {
                    return "no kernel loaded";
                }
                for (Rule r : context.checks().rules().rules()) {
                    sb.append("  ").append(r.name()).append(": ").append(r.text()).append('\n');
                }
            }
            case "trace" -> {
                ScenarioReport last = context.lastReport();
                if (last == null || last.failure() == null) {
                    return "no failing interleaving yet: /explore or /run a scenario first";
                }
                sb.append(last.failure().message()).append("\n\n").append(Interleaving.table(last.failure()));
            }
            case "threads" -> {
                for (var t : context.declaredThreads()) {
                    sb.append("  thread ").append(t.name()).append('\n');
                }
            }
            default -> throw new HLException("status takes " + TOPICS, null);
        }
        return sb.toString().stripTrailing();
    }
}
