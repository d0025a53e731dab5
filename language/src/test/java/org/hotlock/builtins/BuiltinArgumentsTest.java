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

    private static String typeOf(String literal) {
        return switch (literal) {
            case "5" -> "int";
            case "\"x\"" -> "string";
            case "null" -> "null";
            case "[1]" -> "list";
            default -> "bool";
        };
    }

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
                            String types = "(" + String.join(", ", java.util.Collections.nCopies(b.arity(), typeOf(wrong))) + ")";
                            if (e.getMessage().contains(" cannot take (") && !e.getMessage().contains(" cannot take " + types)) {
                                internal.add(call + ": names other types than the call's " + types + ": " + e.getMessage());
                            }
                        } else {
                            internal.add(call + ": not located: " + e.getMessage());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), internal, "calls that were no located guest error, or whose type error named other types");
        assertTrue(located > 100, "most calls with wrong arguments fail (" + located + " did)");
    }
}
