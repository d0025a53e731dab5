package org.hotlock.builtins.sysfs;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.builtins.KernelOperation;
import org.hotlock.kernel.Errno;
import org.hotlock.kernel.Event;
import org.hotlock.kernel.GuestThread;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockMode;
import org.hotlock.kernel.Sysfs;
import org.hotlock.kernel.SysfsKey;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLNull;

/**
 * {@code sysfs.write(path, value)}: what {@code echo -n value > path} does. Returns the byte
 * count or a negative errno, as write(2) would. A store that returns -ERESTARTNOINTR (the
 * failed trylock of {@code lock_device_hotplug_sysfs}) is issued again, as the kernel restarts
 * the system call; the restart waits until the lock it failed on is released, since only then
 * can the retry go differently. Each attempt holds an active reference to the file while its
 * store runs, as kernfs_fop_write does; once removal has deactivated the file, the write
 * returns -ENODEV.
 */
@Builtin(name = "sysfs_write", doc = "sysfs_write(path, value): write value (text; ints as decimal) to a sysfs file; returns the count or -errno")
public abstract class SysfsWriteBuiltin extends KernelBuiltinNode {
    /** kernfs refuses writes larger than a page to sysfs files. */
    static final int MAX_WRITE = 4096;

    @Specialization
    protected Object write(String path, Object value, @Cached IndirectCallNode call) {
        Kernel kernel = bootedKernel();
        kernel.point(Event.Kind.SYSFS, SysfsKey.lookup(path), false, describe(path, text(value)));
        Sysfs.File file = kernel.sysfs().lookup(path);
        if (file == null) {
            // open(2) of a directory for reading succeeds and read(2) fails; for writing, open fails
            return (long) -(kernel.sysfs().isDirectory(path) ? Errno.EISDIR : Errno.ENOENT);
        }
        kernel.sysfsFound(path);
        if (file.store() == null) {
            return (long) -Errno.EACCES;
        }
        String buf = text(value);
        if (buf.isEmpty()) {
            return 0L;
        }
        if (buf.length() > MAX_WRITE) {
            return (long) -Errno.E2BIG;
        }
        String description = describe(path, buf);
        KernelOperation.enter(kernel, description);
        Object result;
        try {
            while (true) {
                KernelLock active = file.active();
                // kernfs_fop_write: the store runs under an active reference to the file, and
                // a file whose removal has begun refuses it
                if (active != null && !kernel.getActive(active)) {
                    result = (long) -Errno.ENODEV;
                    break;
                }
                // a file of no device gets its path, as a kobject attribute gets its kobject
                Object device = file.device() == null ? file.path() : file.device();
                result = call.call(KernelOperation.current(this, file.store()).callTarget(), device, buf);
                boolean restarts = result instanceof Long l && l == -Errno.ERESTARTNOINTR;
                if (active != null) {
                    kernel.putActive(active, restarts && kernel.currentThread().failedTrylock() != null, this);
                }
                if (!restarts) {
                    break;
                }
                if (kernel.currentThread().failedTrylock() == null) {
                    // a restart with no failed trylock to wait for would spin forever: the
                    // write returns -ERESTARTNOINTR to the script instead
                    break;
                }
                waitForRestart(kernel);
            }
            // a failed trylock the store returned an error for is over: a later msleep is one
            kernel.currentThread().setFailedTrylock(null);
        } catch (RuntimeException | Error e) {
            KernelOperation.abort(kernel);
            throw e;
        }
        KernelOperation.exit(kernel, description, this);
        if (!(result instanceof Long)) {
            throw error("the model's store function for " + path + " returned " + Display.typeName(result) + ", not a byte count or -errno");
        }
        return result;
    }

    @TruffleBoundary
    private void waitForRestart(Kernel kernel) {
        GuestThread thread = kernel.currentThread();
        KernelLock lock = thread.failedTrylock();
        thread.setFailedTrylock(null);
        if (lock != null) {
            kernel.waitUntilAvailable(lock, LockMode.WRITE, this);
        }
    }

    @TruffleBoundary
    static String text(Object value) {
        return Display.show(value);
    }

    @TruffleBoundary
    static String describe(String path, String buf) {
        String shown = buf.length() > 40 ? buf.substring(0, 40) + "..." : buf;
        return "sysfs.write(\"" + path + "\", \"" + shown.replace("\n", "\\n") + "\")";
    }

    @Fallback
    protected Object other(Object path, Object value) {
        throw typeError("sysfs_write", path, value);
    }
}
