package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

/** find_memory_block_by_id(id): the registered memoryN block, or null */
@Builtin(name = "find_memory_block_by_id", doc = "find_memory_block_by_id(id): the registered memoryN block, or null")
public abstract class FindMemoryBlockBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object find(long id) {
        HLObject mem = bootedKernel().findBlock(id);
        return mem == null ? HLNull.SINGLETON : mem;
    }

}
