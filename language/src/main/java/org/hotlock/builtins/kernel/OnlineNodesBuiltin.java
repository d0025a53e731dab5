package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLObject;

/** {@code for_each_online_node()}: the pglist_data of every online node, by node id. */
@Builtin(name = "for_each_online_node", doc = "for_each_online_node(): the pglist_data of every online node")
public abstract class OnlineNodesBuiltin extends KernelBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object nodes() {
        HLList list = new HLList();
        for (HLObject node : bootedKernel().nodes()) {
            if (Boolean.TRUE.equals(node.get("online"))) {
                list.add(node);
            }
        }
        return list;
    }
}
