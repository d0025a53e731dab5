package org.hotlock.builtins.sysfs;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.Kernel;
import org.hotlock.runtime.HLList;

import java.util.List;

/** {@code sysfs_paths()}: every sysfs file that exists now, sorted: for completion and listing. */
@Builtin(name = "sysfs_paths", doc = "sysfs_paths(): every sysfs file that exists now")
public abstract class SysfsPathsBuiltin extends KernelBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object paths() {
        Kernel k = context().kernel();
        if (k != null && k.runningScheduler() != null) {
            // a listing reads every directory at once, and no step of the schedule says so: the
            // explorer would not order it against the devices other threads add or remove
            throw error("sysfs_paths() lists sysfs for completion and listing, not in a scenario's thread: "
                    + "there the explorer does not order it against device_add; read the files you need with sysfs.read");
        }
        return new HLList(k == null ? List.of() : k.sysfs().paths().stream().map(p -> (Object) p).toList());
    }
}
