package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.builtins.KernelOperation;
import org.hotlock.kernel.Kernel;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLFunction;

import java.util.Arrays;

/**
 * {@code firmware_event(name, args...)}: an event from the platform firmware or hypervisor
 * (an ACPI memory device notification, a Xen balloon target change), handled by the function
 * the loaded model registered for it.
 */
@Builtin(name = "firmware_event", variadic = true, doc = "firmware_event(name, args...): deliver a platform event to the model's handler")
public abstract class FirmwareEventBuiltin extends KernelBuiltinNode {

    @Specialization
    protected Object deliver(Object[] arguments, @Cached IndirectCallNode call) {
        Kernel kernel = bootedKernel();
        if (arguments.length == 0 || !(arguments[0] instanceof String name)) {
            throw error("firmware_event needs an event name first, e.g. firmware_event(\"acpi_memory_device_add\", 4G..4G + 128M)");
        }
        HLFunction registered = kernel.operations().event(name);
        if (registered == null) {
            throw error(unknown(kernel, name));
        }
        HLFunction handler = KernelOperation.current(this, registered);
        Object[] rest = Arrays.copyOfRange(arguments, 1, arguments.length);
        if (handler.arity() >= 0 && handler.arity() != rest.length) {
            throw error("event " + name + " takes " + handler.arity() + " argument(s), got " + rest.length);
        }
        String description = describe(name, rest);
        KernelOperation.enter(kernel, description);
        Object result;
        try {
            result = call.call(handler.callTarget(), rest);
        } catch (RuntimeException | Error e) {
            KernelOperation.abort(kernel);
            throw e;
        }
        KernelOperation.exit(kernel, description, this);
        return result;
    }

    @TruffleBoundary
    private static String unknown(Kernel kernel, String name) {
        return "no handler for event '" + name + "' (the loaded model and the machine's drivers handle: "
                + String.join(", ", kernel.operations().events().keySet()) + ")";
    }

    @TruffleBoundary
    private static String describe(String name, Object[] args) {
        StringBuilder sb = new StringBuilder("firmware_event(\"").append(name).append('"');
        for (Object a : args) {
            sb.append(", ").append(Display.showNested(a));
        }
        return sb.append(')').toString();
    }
}
