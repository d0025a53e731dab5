package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelObjects;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

/** find_mem_resource(start, size): the iomem resource exactly covering the range, or null */
@Builtin(name = "find_mem_resource", doc = "find_mem_resource(start, size): the iomem resource exactly covering the range, or null")
public abstract class FindResourceBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object find(long start, long size) {
        Kernel kernel = bootedKernel();
        kernel.iomemStep(false, "find the iomem resource " + Long.toHexString(start) + "+" + Long.toHexString(size));
        for (HLObject r : kernel.resources()) {
            if (KernelObjects.num(r, "start") == start && KernelObjects.num(r, "end") == start + size - 1) {
                return r;
            }
        }
        return HLNull.SINGLETON;
    }

}
