package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

/** device_del_memory_block(mem): the block's device leaves sysfs (device_unregister) */
@Builtin(name = "device_del_memory_block", doc = "device_del_memory_block(mem): the block's device leaves sysfs (device_unregister)")
public abstract class DeviceDelBlockBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object remove(HLObject mem) {
        bootedKernel().unregisterBlock(mem, this);
        return HLNull.SINGLETON;
    }

}
