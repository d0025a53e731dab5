package org.hotlock.builtins;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every builtin called with arguments of the wrong types ends with a located guest error,
 * never an internal error: seventeen of them (msleep("x"), bench_scenario(5, 5), the
 * kernel models' device_add_memory_block(5), ...) had no fallback, and the DSL's exception
 * reached the user as a Java trace.
 */
class BuiltinArgumentsTest {
    private static final String MACHINE = "kernel \"4.20\"\nmachine box { node 0 { boot 0..1G } }\n";
    private static final List<String> WRONG = List.of("5", "\"x\"", "null", "[1]", "true");

    @Test
    void wrongArgumentsAreALocatedErrorForEveryBuiltin() {
        List<String> internal = new ArrayList<>();
        int located = 0;
        try (Context c = Context.newBuilder("hotlock").out(new ByteArrayOutputStream()).err(new ByteArrayOutputStream())
                .option("engine.WarnInterpreterOnly", "false").build()) {
            c.eval("hotlock", MACHINE);
            for (BuiltinSpec b : BuiltinRegistry.all()) {
                if (b.variadic()) {
                    continue;   // print(...) and the like take anything
                }
                for (String wrong : WRONG) {
                    String call = b.name() + "(" + String.join(", ", java.util.Collections.nCopies(b.arity(), wrong)) + ")";
                    try {
                        c.eval("hotlock", call);
                    } catch (PolyglotException e) {
                        if (!e.isGuestException() || e.isInternalError()) {
                            internal.add(call + ": " + e.getMessage());
                        } else if (e.getMessage().startsWith("Unnamed:1:1: error: ")) {
                            located++;
                        } else {
                            internal.add(call + ": not located: " + e.getMessage());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), internal, "calls that were no located guest error");
        assertTrue(located > 100, "most calls with wrong arguments fail (" + located + " did)");
    }
}
