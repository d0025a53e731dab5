package org.hotlock.builtins.sysfs;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;

/** restart_syscall(): -ERESTARTNOINTR; the sysfs write is issued again once the failed trylock's lock is free */
@Builtin(name = "restart_syscall", doc = "restart_syscall(): -ERESTARTNOINTR; the sysfs write is issued again once the failed trylock's lock is free")
public abstract class RestartSyscallBuiltin extends KernelBuiltinNode {
    @Specialization
    protected long restart() {
        return -513;
    }

}
