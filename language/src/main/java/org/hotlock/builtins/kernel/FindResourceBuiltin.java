package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

/** find_mem_resource(start, size): the iomem resource exactly covering the range, or null */
@Builtin(name = "find_mem_resource", doc = "find_mem_resource(start, size): the iomem resource exactly covering the range, or null")
public abstract class FindResourceBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object find(long start, long size) {
        HLObject r = bootedKernel().iomem().find(start, size);
        return r == null ? HLNull.SINGLETON : r;
    }

}
