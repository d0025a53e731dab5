package org.hotlock.test;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.management.ExecutionListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The language as the polyglot API sees it: values, snippets, error kinds, instrumentation tags. */
class LanguageApiTest {

    private static Context context() {
        return Context.newBuilder("hotlock").option("engine.WarnInterpreterOnly", "false").build();
    }

    @Test
    void lastSnippetIsTheValue() {
        try (Context c = context()) {
            assertEquals(7, c.eval("hotlock", "var x = 3\nx + 4").asLong());
            assertEquals(7, c.eval("hotlock", "x + 4").asLong(), "a later snippet sees an earlier global");
            assertTrue(c.eval("hotlock", "fn f() { }\nf()").isNull());
            assertEquals("0x100000000..0x200000000", c.eval("hotlock", "4G..8G").toString());
        }
    }

    @Test
    void snippetsRedefineFunctionsAsJShellDoes() {
        try (Context c = context()) {
            c.eval("hotlock", "fn f() { return 1 }\nfn g() { return f() }");
            assertEquals(1, c.eval("hotlock", "g()").asLong());
            c.eval("hotlock", "fn f() { return 2 }");
            assertEquals(2, c.eval("hotlock", "g()").asLong(), "call sites see the redefinition");
        }
    }

    @Test
    void guestFunctionsAreExecutableFromTheHost() {
        try (Context c = context()) {
            c.eval("hotlock", "fn add(a, b) { return a + b }");
            Value add = c.getBindings("hotlock").getMember("add");
            if (add == null) {
                add = c.eval("hotlock", "add");
            }
            assertTrue(add.canExecute());
            assertEquals(5, add.execute(2, 3).asLong());
        }
    }

    @Test
    void syntaxErrorsAreSyntaxErrorsWithLocation() {
        try (Context c = context()) {
            PolyglotException e = assertThrows(PolyglotException.class,
                    () -> c.eval(Source.create("hotlock", "var x = 1\nvar y = (2 +\n")));
            assertTrue(e.isSyntaxError());
            assertFalse(e.isInternalError());
            assertTrue(e.isIncompleteSource(), "an open parenthesis at the end is incomplete input, for the REPL");
            assertEquals(2, e.getSourceLocation().getStartLine());
            PolyglotException complete = assertThrows(PolyglotException.class, () -> c.eval(Source.create("hotlock", "var = 3")));
            assertFalse(complete.isIncompleteSource());
        }
    }

    @Test
    void runtimeErrorsAreGuestErrorsWithStack() {
        try (Context c = context()) {
            PolyglotException e = assertThrows(PolyglotException.class,
                    () -> c.eval(Source.newBuilder("hotlock", "fn f(x) {\n  return x.y\n}\nf(3)", "t.hlk").buildLiteral()));
            assertTrue(e.isGuestException());
            assertFalse(e.isSyntaxError());
            assertEquals(2, e.getSourceLocation().getStartLine());
            List<String> roots = new ArrayList<>();
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (frame.isGuestFrame()) {
                    roots.add(frame.getRootName());
                }
            }
            assertEquals(List.of("f", "main"), roots);
        }
    }

    @Test
    void statementsCallsAndRootsAreTaggedForInstruments() {
        try (Engine engine = Engine.newBuilder("hotlock").option("engine.WarnInterpreterOnly", "false").build();
             Context c = Context.newBuilder("hotlock").engine(engine).build()) {
            List<String> statements = new ArrayList<>();
            List<String> roots = new ArrayList<>();
            try (ExecutionListener ignored = ExecutionListener.newBuilder()
                    .statements(true).roots(true).collectInputValues(false)
                    .onEnter(event -> {
                        if (event.isStatement()) {
                            statements.add(event.getLocation().getCharacters().toString());
                        } else if (event.isRoot()) {
                            roots.add(event.getRootName());
                        }
                    }).attach(engine)) {
                c.eval("hotlock", "fn f(x) {\n  var y = x + 1\n  return y\n}\nf(1)\n");
            }
            assertTrue(statements.contains("var y = x + 1"), statements.toString());
            assertTrue(statements.contains("return y"), statements.toString());
            assertTrue(roots.contains("f"), roots.toString());
            List<String> calls = new ArrayList<>();
            try (ExecutionListener ignored = ExecutionListener.newBuilder()
                    .expressions(true).onEnter(event -> {
                        if (event.getLocation() != null && event.getLocation().getCharacters().toString().equals("f(2)")) {
                            calls.add("f(2)");
                        }
                    }).attach(engine)) {
                c.eval("hotlock", "f(2)");
            }
            assertEquals(List.of("f(2)"), calls);
        }
    }
}
