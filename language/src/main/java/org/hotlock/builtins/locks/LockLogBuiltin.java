package org.hotlock.builtins.locks;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.Locking;
import org.hotlock.runtime.HLList;

/** lock_log(): every lock operation so far: +name taken, -name released, ?name trylock failed; (R)/(W) for rw locks */
@Builtin(name = "lock_log", doc = "lock_log(): every lock operation so far: +name taken, -name released, ?name trylock failed; (R)/(W) for rw locks")
public abstract class LockLogBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object log() {
        HLList list = new HLList();
        for (Locking.LockEvent e : kernel().locking().log()) {
            list.add(e.thread().name().equals("main") ? e.toString() : e.thread().name() + ":" + e);
        }
        return list;
    }

}
