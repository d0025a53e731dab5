package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

/** device_add_memory_block(mem): the block's device appears in sysfs (device_add, KOBJ_ADD) */
@Builtin(name = "device_add_memory_block", doc = "device_add_memory_block(mem): the block's device appears in sysfs (device_add, KOBJ_ADD)")
public abstract class DeviceAddBlockBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object add(HLObject mem) {
        bootedKernel().registerBlock(mem, this);
        return HLNull.SINGLETON;
    }

}
