package org.hotlock.builtins.sysfs;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.Event;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.SysfsKey;
import org.hotlock.kernel.ThreadScheduler;
import org.hotlock.runtime.HLNull;

/**
 * {@code sysfs.wait(path)}: what a udev rule does: wait for the uevent of a new device, here
 * until the file (or the device directory) exists. The thread is not scheduled while it waits, so waiting adds no
 * schedules to an exploration (a polling loop would add endless ones).
 */
@Builtin(name = "sysfs_wait", doc = "sysfs_wait(path): wait until a sysfs file or device directory exists (as udev waits for a uevent)")
public abstract class SysfsWaitBuiltin extends KernelBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object waitFor(String path) {
        Kernel kernel = bootedKernel();
        SysfsKey key = SysfsKey.lookup(path);
        // one step that reads the file's directory: at once when the file is there, or, when
        // it is not, once it has appeared (waiting is no step of its own)
        boolean stepped = false;
        while (true) {
            if (!stepped && exists(kernel, path)) {
                kernel.point(Event.Kind.WAKE, key, false, "sysfs.wait(\"" + path + "\")");
                stepped = true;
            }
            if (exists(kernel, path)) {
                break;
            }
            ThreadScheduler scheduler = kernel.runningScheduler();
            if (scheduler == null) {
                throw error(path + " does not exist, and no other thread can create it: sysfs.wait would wait forever");
            }
            // woken by the directory of that name, or by the one that holds the file
            scheduler.waitForDirectory(key.directory(), this);
            stepped = true;
        }
        // the device directory found: the directory waited for, or the one that holds the file
        kernel.sysfsFound(kernel.sysfs().isDirectory(path) ? key : SysfsKey.of(path));
        return HLNull.SINGLETON;
    }

    private static boolean exists(Kernel kernel, String path) {
        return kernel.sysfs().lookup(path) != null || kernel.sysfs().isDirectory(path);
    }

    @Fallback
    protected Object other(Object path) {
        throw typeError("sysfs_wait", path);
    }
}
