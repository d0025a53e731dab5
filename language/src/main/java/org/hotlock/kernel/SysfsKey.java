package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.List;

/**
 * A sysfs directory as shared state: looking a file up reads it and the directories above it,
 * adding or removing the device writes it. So a udev rule that reacts to a new block is
 * ordered against device_add, and lookups in a sibling block's directory are not.
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
