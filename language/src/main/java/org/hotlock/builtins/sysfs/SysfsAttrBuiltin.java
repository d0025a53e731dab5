package org.hotlock.builtins.sysfs;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLNull;

/** sysfs_attr(class, name, show, store): declare an attribute of every device of a class (show/store may be null) */
@Builtin(name = "sysfs_attr", doc = "sysfs_attr(class, name, show, store): declare an attribute of every device of a class (show/store may be null)")
public abstract class SysfsAttrBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object declare(String deviceClass, String name, Object show, Object store) {
        kernel().sysfs().declareAttribute(deviceClass, name, function(show), function(store));
        return HLNull.SINGLETON;
    }

    static HLFunction function(Object value) {
        return value instanceof HLFunction f ? f : null;
    }

}
