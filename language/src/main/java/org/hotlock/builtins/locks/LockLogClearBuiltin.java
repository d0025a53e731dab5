package org.hotlock.builtins.locks;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLNull;

/** lock_log_clear(): forget the lock operations so far */
@Builtin(name = "lock_log_clear", doc = "lock_log_clear(): forget the lock operations so far")
public abstract class LockLogClearBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object clear() {
        kernel().locking().log().clear();
        return HLNull.SINGLETON;
    }

}
