package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

/** request_mem_resource(start, size, name): claim an iomem range; null if it conflicts */
@Builtin(name = "request_mem_resource", doc = "request_mem_resource(start, size, name): claim an iomem range; null if it conflicts")
public abstract class RequestResourceBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object request(long start, long size, String name) {
        HLObject res = bootedKernel().iomem().request(start, size, name);
        return res == null ? HLNull.SINGLETON : res;
    }

}
