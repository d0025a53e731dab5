package org.hotlock.test;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a script as the tests of every package do: in a fresh context with the options given. */
public final class Scripts {
    private Scripts() {
    }

    /** Runs the script; returns what it printed, and the error message if it failed (a guest error, never an internal one). */
    public static String[] run(String script, Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Context.Builder b = Context.newBuilder("hotlock").out(out).err(out).option("engine.WarnInterpreterOnly", "false");
        options.forEach(b::option);
        try (Context c = b.build()) {
            try {
                c.eval("hotlock", script);
                return new String[]{out.toString(StandardCharsets.UTF_8), null};
            } catch (PolyglotException e) {
                assertTrue(e.isGuestException(), () -> "internal error: " + e);
                return new String[]{out.toString(StandardCharsets.UTF_8), e.getMessage()};
            }
        }
    }
}
