package org.hotlock.builtins.sysfs;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLNull;

/** sysfs_file(path, show, store): declare a file that belongs to no device (show/store may be null) */
@Builtin(name = "sysfs_file", doc = "sysfs_file(path, show, store): declare a file that belongs to no device (show/store may be null)")
public abstract class SysfsFileBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object declare(String path, Object show, Object store) {
        kernel().sysfs().declareFile(path, SysfsAttrBuiltin.function(show), SysfsAttrBuiltin.function(store));
        return HLNull.SINGLETON;
    }

}
