package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.context.HotLockContext;
import org.hotlock.context.KernelBoot;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.MachineSpec;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLRange;

import java.util.List;

/**
 * {@code machine box { platform acpi; block_size 128M; node 0 { boot 0..4G; hotpluggable 4G..8G }
 * auto_online false; drivers acpi_memhotplug }}: describes the machine and boots the loaded
 * kernel model on it.
 */
@NodeInfo(shortName = "machine")
public final class MachineDeclarationNode extends HLExpressionNode {
    private final String name;
    @Children private final MachineEntryNode[] entries;

    public MachineDeclarationNode(String name, MachineEntryNode[] entries) {
        this.name = name;
        this.entries = entries;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return declare(frame.materialize());
    }

    @TruffleBoundary
    private Object declare(MaterializedFrame frame) {
        MachineSpec spec = new MachineSpec();
        spec.name = name;
        for (MachineEntryNode entry : entries) {
            apply(spec, entry, evaluate(frame, entry), frame);
        }
        return boot(spec);
    }

    private static Object[] evaluate(MaterializedFrame frame, MachineEntryNode entry) {
        Object[] values = new Object[entry.values.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = entry.values[i].executeGeneric(frame);
        }
        return values;
    }

    private void apply(MachineSpec spec, MachineEntryNode entry, Object[] values, MaterializedFrame frame) {
        if (entry.children.length > 0 && !entry.key.equals("node")) {
            throw new HLException("only 'node' takes a { ... } block, not '" + entry.key + "'", entry);
        }
        switch (entry.key) {
            case "platform" -> spec.platform = string(entry, values);
            case "block_size" -> spec.blockSize = integer(entry, values);
            case "auto_online", "movable_node" -> {
                Object v = single(entry, values);
                if (!(v instanceof Boolean b)) {
                    throw new HLException(entry.key + " takes true or false, not " + Display.typeName(v), entry);
                }
                if (entry.key.equals("auto_online")) {
                    spec.autoOnline = b;
                } else {
                    spec.movableNode = b;
                }
            }
            case "driver", "drivers" -> {
                if (values.length == 0) {
                    throw new HLException(entry.key + " needs at least one driver name", entry);
                }
                for (Object v : values) {
                    if (!(v instanceof String s)) {
                        throw new HLException("a driver name is a word such as acpi_memhotplug, not " + Display.typeName(v), entry);
                    }
                    if (spec.drivers.contains(s)) {
                        throw new HLException("driver " + s + " is declared twice", entry);
                    }
                    spec.drivers.add(s);
                }
            }
            case "node" -> {
                long id = integer(entry, values);
                for (MachineSpec.NodeSpec n : spec.nodes) {
                    if (n.id == id) {
                        throw new HLException("node " + id + " is declared twice", entry);
                    }
                }
                if (id < 0 || id > 1023) {
                    throw new HLException("node id " + id + " is outside 0..1023", entry);
                }
                MachineSpec.NodeSpec node = new MachineSpec.NodeSpec((int) id);
                for (MachineEntryNode child : entry.children) {
                    if (child.children.length > 0) {
                        throw new HLException("'" + child.key + "' takes ranges, not a { ... } block", child);
                    }
                    Object[] childValues = evaluate(frame, child);
                    switch (child.key) {
                        case "boot" -> addRanges(child, childValues, node.boot);
                        case "hotpluggable" -> addRanges(child, childValues, node.hotpluggable);
                        case "present" -> addRanges(child, childValues, node.present);
                        default -> throw new HLException("unknown node setting '" + child.key + "' (known: boot, hotpluggable, present)", child);
                    }
                }
                spec.nodes.add(node);
            }
            default -> throw new HLException("unknown machine setting '" + entry.key
                    + "' (known: platform, block_size, node, auto_online, movable_node, driver, drivers)", entry);
        }
    }

    private static void addRanges(MachineEntryNode entry, Object[] values, List<HLRange> into) {
        if (values.length == 0) {
            throw new HLException(entry.key + " needs a range such as 0..4G", entry);
        }
        for (Object v : values) {
            if (v instanceof HLRange r) {
                into.add(r);
            } else if (v instanceof HLList list) {
                for (Object e : list.snapshot()) {
                    if (!(e instanceof HLRange r)) {
                        throw new HLException(entry.key + " takes ranges such as 4G..8G, not " + Display.typeName(e), entry);
                    }
                    into.add(r);
                }
            } else {
                throw new HLException(entry.key + " takes ranges such as 4G..8G, not " + Display.typeName(v), entry);
            }
        }
    }

    private static Object single(MachineEntryNode entry, Object[] values) {
        if (values.length != 1) {
            throw new HLException(entry.key + " takes one value", entry);
        }
        return values[0];
    }

    private static String string(MachineEntryNode entry, Object[] values) {
        Object v = single(entry, values);
        if (!(v instanceof String s)) {
            throw new HLException(entry.key + " takes a name, not " + Display.typeName(v), entry);
        }
        return s;
    }

    private static long integer(MachineEntryNode entry, Object[] values) {
        Object v = single(entry, values);
        if (!(v instanceof Long l)) {
            throw new HLException(entry.key + " takes an integer, not " + Display.typeName(v), entry);
        }
        return l;
    }

    private Object boot(MachineSpec spec) {
        HotLockContext context = context();
        Kernel kernel = context.kernel();
        if (kernel == null) {
            throw new HLException("declare the kernel model before the machine, e.g. kernel \"4.19\"", this);
        }
        KernelBoot.boot(context, kernel, spec, this);
        return "machine " + name;
    }
}
