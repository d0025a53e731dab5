package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.Kernel;
import org.hotlock.runtime.HLList;

/** lock_log(): every lock operation so far: +name taken, -name released, ?name trylock failed; (R)/(W) for rw locks */
@Builtin(name = "lock_log", doc = "lock_log(): every lock operation so far: +name taken, -name released, ?name trylock failed; (R)/(W) for rw locks")
public abstract class LockLogBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object log() {
        HLList list = new HLList();
        for (Kernel.LockEvent e : kernel().lockLog()) {
            list.add(e.thread().name().equals("main") ? e.toString() : e.thread().name() + ":" + e);
        }
        return list;
    }

}
