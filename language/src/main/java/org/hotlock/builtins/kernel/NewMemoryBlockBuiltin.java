package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;

/** new_memory_block(start_section_nr, nid): allocate a memory_block and its device (offline, not yet in sysfs) */
@Builtin(name = "new_memory_block", doc = "new_memory_block(start_section_nr, nid): allocate a memory_block and its device (offline, not yet in sysfs)")
public abstract class NewMemoryBlockBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object create(long startSectionNr, long nid) {
        return bootedKernel().newMemoryBlock(startSectionNr, nid);
    }

}
