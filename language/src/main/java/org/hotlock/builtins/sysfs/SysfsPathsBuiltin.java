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
        return new HLList(k == null ? List.of() : k.sysfs().paths().stream().map(p -> (Object) p).toList());
    }
}
