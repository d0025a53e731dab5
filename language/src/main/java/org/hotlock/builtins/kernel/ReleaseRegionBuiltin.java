package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.Kernel;
import org.hotlock.runtime.HLNull;

/** {@code release_mem_region_adjustable(start, size)}: carve a range out of iomem, splitting as needed. */
@Builtin(name = "release_mem_region_adjustable", doc = "release_mem_region_adjustable(start, size): give back an iomem range, splitting a larger resource")
public abstract class ReleaseRegionBuiltin extends KernelBuiltinNode {

    @Specialization
    protected Object release(long start, long size) {
        Kernel kernel = bootedKernel();
        kernel.iomemStep(true, "release_mem_region_adjustable " + Long.toHexString(start) + "+" + Long.toHexString(size));
        kernel.iomem().releaseRegionAdjustable(start, size);
        return HLNull.SINGLETON;
    }
}
