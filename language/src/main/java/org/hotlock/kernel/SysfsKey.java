package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.List;

/**
 * A sysfs path as shared state: a lookup reads the path it names, a file or a directory, and
 * the directories above it; adding or removing a device writes the device's directory. So a
 * udev rule that reacts to a new block is ordered against device_add, and lookups in a
 * sibling block's directory are not.
 */
public record SysfsKey(String directory) {
    /** The directory a file is in (a path without a slash but the first, itself). */
    @TruffleBoundary
    public static SysfsKey of(String path) {
        path = normalized(path);
        int slash = path.lastIndexOf('/');
        return new SysfsKey(slash <= 0 ? path : path.substring(0, slash));
    }

    /**
     * What a lookup of the path reads: the path itself, a file or a directory, and through
     * {@link #within} the directories above it. So it depends on the appearance and removal of
     * the directory it names or lies in, and on no sibling's.
     */
    @TruffleBoundary
    public static SysfsKey lookup(String path) {
        return new SysfsKey(normalized(path));
    }

    private static String normalized(String path) {
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /** Whether this directory is the other or lies below it. */
    public boolean within(SysfsKey other) {
        return directory.equals(other.directory)
                || directory.startsWith(other.directory) && directory.length() > other.directory.length()
                && directory.charAt(other.directory.length()) == '/';
    }

    /** This directory and those above it, nearest first. */
    public List<SysfsKey> withParents() {
        List<SysfsKey> keys = new ArrayList<>();
        String d = directory;
        while (true) {
            keys.add(new SysfsKey(d));
            int slash = d.lastIndexOf('/');
            if (slash <= 0) {
                return keys;
            }
            d = d.substring(0, slash);
        }
    }
}
