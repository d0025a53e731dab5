package org.hotlock.builtins.sysfs;

import org.hotlock.builtins.BuiltinSpec;

import java.util.List;

/** The sysfs tree: declaring files and attributes, reading and writing them as user space does, waiting for one to appear. */
public final class SysfsBuiltins {
    private SysfsBuiltins() {
    }

    public static List<BuiltinSpec> all() {
        return List.of(
                BuiltinSpec.of(RestartSyscallBuiltinFactory.getInstance()),
                BuiltinSpec.of(SysfsAttrBuiltinFactory.getInstance()),
                BuiltinSpec.of(SysfsFileBuiltinFactory.getInstance()),
                BuiltinSpec.of(SysfsPathsBuiltinFactory.getInstance()),
                BuiltinSpec.of(SysfsReadBuiltinFactory.getInstance()),
                BuiltinSpec.of(SysfsWaitBuiltinFactory.getInstance()),
                BuiltinSpec.of(SysfsWriteBuiltinFactory.getInstance()));
    }
}
