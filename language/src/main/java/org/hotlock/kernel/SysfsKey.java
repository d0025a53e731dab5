package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * A sysfs directory as shared state: looking a file up reads it, adding or removing the
 * device writes it. So a udev rule that reacts to a new block is ordered against device_add.
 */
public record SysfsKey(String directory) {
    @TruffleBoundary
    public static SysfsKey of(String path) {
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int slash = path.lastIndexOf('/');
        return new SysfsKey(slash <= 0 ? path : path.substring(0, slash));
    }
}
