package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLList;


/** memory_blocks(): every registered memory block, by block id */
@Builtin(name = "memory_blocks", doc = "memory_blocks(): every registered memory block, by block id")
public abstract class MemoryBlocksBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object blocks() {
        return new HLList(bootedKernel().listBlocks());
    }

}
