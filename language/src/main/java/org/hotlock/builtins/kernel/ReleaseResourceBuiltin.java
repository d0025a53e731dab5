package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLObject;

/** release_mem_resource(res): give an iomem range back */
@Builtin(name = "release_mem_resource", doc = "release_mem_resource(res): give an iomem range back")
public abstract class ReleaseResourceBuiltin extends KernelBuiltinNode {
    @Specialization
    protected boolean release(HLObject res) {
        return bootedKernel().iomem().release(res);
    }

}
