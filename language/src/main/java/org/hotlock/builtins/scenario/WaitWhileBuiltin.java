package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.Event;
import org.hotlock.kernel.FieldKey;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.ThreadScheduler;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

import java.util.Objects;

/**
 * {@code wait_while(obj, "field", value)}: the thread goes on once the shared field no longer
 * holds the value. What a kernel loop does that retries, changing nothing, until another thread
 * changes what it looks at (offline_pages' migration retries, a wait_event()): the simulator
 * parks the thread instead of running endless identical iterations, so waiting adds no
 * schedules to an exploration. One step that reads the field, at once when it already
 * differs, else once another thread has changed it.
 */
@Builtin(name = "wait_while", doc = "wait_while(obj, field, value): wait until the shared field obj.field is no longer value")
public abstract class WaitWhileBuiltin extends KernelBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object waitWhile(HLObject object, String field, Object value) {
        Kernel kernel = bootedKernel();
        int index = object.type().fieldIndexOrError(field, this);
        FieldKey key = new FieldKey(object, index);
        String what = key.qualifiedName();
        if (!object.type().isShared(index)) {
            throw error("wait_while waits for another thread to change " + what
                    + ", which is not shared: declare it with 'shared atomic " + what + "'");
        }
        kernel.point(Event.Kind.READ, key, false, "waits while " + what + " is " + value);
        while (Objects.equals(object.get(index), value)) {
            ThreadScheduler scheduler = kernel.runningScheduler();
            if (scheduler == null) {
                throw error(what + " is " + value + " and no other thread can change it: wait_while would wait forever");
            }
            // the read once it has changed is the step (waiting is no step of its own)
            scheduler.waitWhile(key, value, this);
        }
        return HLNull.SINGLETON;
    }

    @Fallback
    protected Object other(Object object, Object field, Object value) {
        throw typeError("wait_while", object, field, value);
    }
}
