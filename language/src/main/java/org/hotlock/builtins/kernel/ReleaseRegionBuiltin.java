package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLNull;

/** {@code release_mem_region_adjustable(start, size)}: carve a range out of iomem, splitting as needed. */
@Builtin(name = "release_mem_region_adjustable", doc = "release_mem_region_adjustable(start, size): give back an iomem range, splitting a larger resource")
public abstract class ReleaseRegionBuiltin extends KernelBuiltinNode {

    @Specialization
    protected Object release(long start, long size) {
        bootedKernel().iomem().releaseRegionAdjustable(start, size);
        return HLNull.SINGLETON;
    }
}
