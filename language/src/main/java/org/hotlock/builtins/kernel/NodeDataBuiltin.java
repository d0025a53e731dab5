package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

/** NODE_DATA(nid): the node's pglist_data, or null */
@Builtin(name = "NODE_DATA", doc = "NODE_DATA(nid): the node's pglist_data, or null")
public abstract class NodeDataBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object node(long nid) {
        HLObject node = bootedKernel().topology().node(nid);
        return node == null ? HLNull.SINGLETON : node;
    }

}
