package org.hotlock.builtins.sysfs;

import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.builtins.KernelOperation;
import org.hotlock.kernel.Errno;
import org.hotlock.kernel.Event;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.Sysfs;
import org.hotlock.kernel.SysfsKey;
import org.hotlock.runtime.HLNull;

/** {@code sysfs.read(path)}: the file's text as {@code cat} shows it, or a negative errno. */
@Builtin(name = "sysfs_read", doc = "sysfs_read(path): the text of a sysfs file, or -errno")
public abstract class SysfsReadBuiltin extends KernelBuiltinNode {

    @Specialization
    protected Object read(String path, @Cached IndirectCallNode call) {
        Kernel kernel = bootedKernel();
        kernel.point(Event.Kind.SYSFS, SysfsKey.lookup(path), false, "sysfs.read(\"" + path + "\")");
        Sysfs.File file = kernel.sysfs().lookup(path);
        if (file == null) {
            // open(2) of a directory for reading succeeds and read(2) fails; for writing, open fails
            return (long) -(kernel.sysfs().isDirectory(path) ? Errno.EISDIR : Errno.ENOENT);
        }
        kernel.sysfsFound(path);
        if (file.show() == null) {
            return (long) -Errno.EACCES;
        }
        String description = "sysfs.read(\"" + path + "\")";
        KernelOperation.enter(kernel, description);
        Object result;
        try {
            result = call.call(KernelOperation.current(this, file.show()).callTarget(), file.device() == null ? file.path() : file.device());
        } catch (RuntimeException | Error e) {
            KernelOperation.abort(kernel);
            throw e;
        }
        KernelOperation.exit(kernel, description, this);
        return result;
    }

    @Fallback
    protected Object other(Object path) {
        throw typeError("sysfs_read", path);
    }
}
