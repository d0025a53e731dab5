package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;

/** memory_add_physaddr_to_nid(addr): the node whose declared memory holds addr; -1 if none */
@Builtin(name = "memory_add_physaddr_to_nid", doc = "memory_add_physaddr_to_nid(addr): the node whose declared memory holds addr; -1 if none")
public abstract class PhysaddrToNidBuiltin extends KernelBuiltinNode {
    @Specialization
    protected long nid(long address) {
        return bootedKernel().topology().nodeOfAddress(address);
    }

}
