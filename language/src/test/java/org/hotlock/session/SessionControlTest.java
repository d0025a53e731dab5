package org.hotlock.session;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.hotlock.HotLockLanguage;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session object through the polyglot API, as the REPL and embedders use it; and the
 * guest builtins it replaced are gone from scripts.
 */
class SessionControlTest {
    private static Context context() {
        return Context.newBuilder("hotlock").out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false").build();
    }

    private static Value session(Context context) {
        return context.eval(Source.newBuilder("hotlock", "", "<session>").mimeType(HotLockLanguage.SESSION_MIME_TYPE).buildLiteral());
    }

    private static List<String> names(Value globals) {
        List<String> names = new ArrayList<>();
        for (long i = 0; i < globals.getArraySize(); i++) {
            names.add(globals.getArrayElement(i).getArrayElement(0).asString());
        }
        return names;
    }

    @Test
    void snippetsAreSpansOfTheTopLevelSnippets() {
        try (Context c = context()) {
            String input = "var x = 1; fn f() {\n  return 2\n}\nkernel \"4.19\"\n40 + 2";
            Value spans = session(c).invokeMember("snippets", input);
            List<String> pieces = new ArrayList<>();
            for (long i = 0; i < spans.getArraySize(); i++) {
                Value span = spans.getArrayElement(i);
                assertEquals(2, span.getArraySize());
                pieces.add(input.substring(span.getArrayElement(0).asInt(), span.getArrayElement(1).asInt()));
            }
            assertEquals(List.of("var x = 1", "fn f() {\n  return 2\n}", "kernel \"4.19\"", "40 + 2"), pieces);
            assertTrue(c.getBindings("hotlock").getMember("x") == null || c.getBindings("hotlock").getMember("x").isNull(),
                    "snippets parses without running");
        }
    }

    @Test
    void aSyntaxErrorInSnippetsIsTheUsualSyntaxError() {
        try (Context c = context()) {
            Value session = session(c);
            PolyglotException e = assertThrows(PolyglotException.class, () -> session.invokeMember("snippets", "var = 3"));
            assertTrue(e.isSyntaxError(), e.toString());
            assertTrue(e.getMessage().startsWith("<input>:1:5: error: expected a name after 'var', found '='"), e.getMessage());
            PolyglotException open = assertThrows(PolyglotException.class, () -> session.invokeMember("snippets", "fn f() {"));
            assertTrue(open.isIncompleteSource(), open.toString());
        }
    }

    @Test
    void globalsAndSetGlobal() {
        try (Context c = context()) {
            Value session = session(c);
            c.eval("hotlock", "var pages = 32768\nfn half(n) { return n / 2 }");
            Value value = c.eval("hotlock", "half(84)");
            assertEquals(42, session.invokeMember("setGlobal", "$1", value).asLong());
            assertEquals(43, c.eval("hotlock", "$1 + 1").asLong(), "a defined global is a script's variable");
            Value globals = session.invokeMember("globals");
            List<String> names = names(globals);
            assertTrue(names.containsAll(List.of("pages", "half", "$1", "print")), names.toString());
            for (long i = 0; i < globals.getArraySize(); i++) {
                Value global = globals.getArrayElement(i);
                switch (global.getArrayElement(0).asString()) {
                    case "pages" -> assertEquals(List.of("int", "32768", false), describe(global));
                    case "half" -> assertEquals(List.of("fn", "fn half", false), describe(global));
                    case "print" -> assertEquals(List.of("fn", "fn print", true), describe(global));
                    default -> {
                    }
                }
            }
        }
    }

    private static List<Object> describe(Value global) {
        return List.of(global.getArrayElement(1).asString(), global.getArrayElement(2).asString(), global.getArrayElement(3).asBoolean());
    }

    @Test
    void statusIsTheKernelAsText() {
        try (Context c = context()) {
            Value session = session(c);
            assertEquals("no kernel loaded", session.invokeMember("status", "rules").asString());
            assertEquals("no failing interleaving yet: /explore or /run a scenario first", session.invokeMember("status", "trace").asString());
            c.eval("hotlock", """
                    kernel "4.19"
                    machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
                    thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
                    """);
            assertTrue(session.invokeMember("status", "machine").asString().startsWith("kernel 4.19\nmachine box: platform acpi"));
            assertTrue(session.invokeMember("status", "rules").asString().contains("R3: device_online()/device_offline()"));
            assertTrue(session.invokeMember("status", "locks").asString().contains("mutex device_hotplug_lock (free)"));
            assertTrue(session.invokeMember("status", "blocks").asString().contains("memory0"));
            assertEquals("  thread probe", session.invokeMember("status", "threads").asString());
            PolyglotException e = assertThrows(PolyglotException.class, () -> session.invokeMember("status", "weather"));
            assertTrue(e.isGuestException());
            assertEquals("status takes machine, blocks, locks, rules, trace or threads", e.getMessage());
        }
    }

    @Test
    void eachContextHasItsOwnSession() {
        try (Context first = context(); Context second = context()) {
            first.eval("hotlock", "var only_here = 1");
            assertTrue(names(session(first).invokeMember("globals")).contains("only_here"));
            assertFalse(names(session(second).invokeMember("globals")).contains("only_here"));
        }
    }

    @Test
    void newFindingsAreTheSnippetsOwnAndShownOnce() {
        try (Context c = context()) {
            Value session = session(c);
            c.eval("hotlock", "kernel \"4.20\"\nmachine box { node 0 { boot 0..1G } }\nconst l = mutex(\"l\")\nconst m = mutex(\"m\")");
            session.invokeMember("beginSnippet");
            c.eval("hotlock", "mutex_unlock(l)");
            String first = session.invokeMember("newFindings").asString();
            assertTrue(first.startsWith("findings: 1 distinct\n[bad_unlock] bad unlock balance detected: main releases l which is not locked"), first);
            assertEquals("", session.invokeMember("newFindings").asString(), "shown once");
            session.invokeMember("beginSnippet");
            c.eval("hotlock", "mutex_unlock(m)");
            String second = session.invokeMember("newFindings").asString();
            assertTrue(second.contains("releases m") && !second.contains("releases l"), "only this snippet's: " + second);
        }
    }

    @Test
    void globalsAndStructsSayWhatIsTheKernelModels() {
        try (Context c = context()) {
            Value session = session(c);
            c.eval("hotlock", "kernel \"4.19\"\nvar mine = 1\nstruct pair { a; b }");
            Value globals = session.invokeMember("globals");
            for (long i = 0; i < globals.getArraySize(); i++) {
                Value g = globals.getArrayElement(i);
                switch (g.getArrayElement(0).asString()) {
                    case "mine" -> assertEquals("", g.getArrayElement(4).asString());
                    case "EPERM" -> assertTrue(g.getArrayElement(4).asString().startsWith("kernel/common/defs.hlk:"), g.toString());
                    default -> {
                    }
                }
            }
            List<String> structs = new ArrayList<>();
            Value all = session.invokeMember("structs");
            for (long i = 0; i < all.getArraySize(); i++) {
                Value t = all.getArrayElement(i);
                structs.add(t.getArrayElement(0).asString() + " {" + t.getArrayElement(1).asString() + "} " + t.getArrayElement(2).asString().isEmpty());
            }
            assertTrue(structs.contains("pair {a, b} true"), structs.toString());
            assertTrue(structs.stream().anyMatch(t -> t.startsWith("memory_block {") && t.endsWith("false")), structs.toString());
        }
    }

    @Test
    void dropUndefinesTheScriptsNamesButNotTheKernels() {
        try (Context c = context()) {
            Value session = session(c);
            c.eval("hotlock", "kernel \"4.19\"\nfn f() { return 1 }\nvar v = 2\nmachine box { node 0 { boot 0..1G } }\nthread t { yield() }");
            assertTrue(session.invokeMember("drop", "fn", "f").asBoolean());
            assertTrue(session.invokeMember("drop", "var", "v").asBoolean());
            assertTrue(session.invokeMember("drop", "thread", "t").asBoolean());
            assertFalse(session.invokeMember("drop", "fn", "f").asBoolean(), "nothing left to drop");
            assertFalse(session.invokeMember("drop", "fn", "online_pages").asBoolean(), "the kernel model's stays");
            PolyglotException e = assertThrows(PolyglotException.class, () -> c.eval("hotlock", "f()"));
            assertTrue(e.getMessage().contains("unknown name 'f'"), e.getMessage());
            assertEquals("", session.invokeMember("status", "threads").asString());
            assertEquals(1, c.eval("hotlock", "var v = 1\nv").asInt(), "a dropped name can be declared again");
        }
    }

    @Test
    void describeGivesSignatureAndComment() {
        try (Context c = context()) {
            Value session = session(c);
            c.eval("hotlock", "kernel \"4.19\"\n// twice a\n// (for the test)\nfn twice(a) { return 2 * a }");
            assertEquals(List.of("fn twice(a)", "twice a\n(for the test)", "Unnamed:4"), strings(session.invokeMember("describe", "twice")));
            assertEquals(List.of("fn memory_probe_store(dev, buf)", "CONFIG_ARCH_MEMORY_PROBE: echo <phys_addr> > /sys/devices/system/memory/probe",
                    "kernel/4.19/memory.hlk:43"), strings(session.invokeMember("describe", "memory_probe_store")));
            assertEquals(List.of("len(x)", "length of a list, string or range", "builtin"), strings(session.invokeMember("describe", "len")));
            assertEquals(0, session.invokeMember("describe", "EPERM").getArraySize(), "not a function");
        }
    }

    private static List<String> strings(Value list) {
        List<String> result = new ArrayList<>();
        for (long i = 0; i < list.getArraySize(); i++) {
            result.add(list.getArrayElement(i).asString());
        }
        return result;
    }

    @Test
    void stopSearchEndsARunningSearchWithWhatItFound() throws InterruptedException {
        try (Context c = Context.newBuilder("hotlock").out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false").option("hotlock.PctFirst", "0").build()) {
            Value session = session(c);
            assertFalse(session.invokeMember("stopSearch").asBoolean(), "no search runs");
            StringBuilder threads = new StringBuilder("kernel \"4.20\"\nmachine box { node 0 { boot 0..1G } }\nconst l = mutex(\"l\")\n");
            for (int i = 0; i < 8; i++) {
                threads.append("thread t").append(i).append(" { for k in 0..50 { mutex_lock(l); mutex_unlock(l) } }\n");
            }
            c.eval("hotlock", threads.toString());
            boolean[] stopped = {false};
            Thread stopper = new Thread(() -> {
                while (!stopped[0]) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        return;
                    }
                    stopped[0] = session.invokeMember("stopSearch").asBoolean();
                }
            });
            stopper.start();
            String summary = c.eval("hotlock", "run_scenario(\"explore!\")").asString();
            stopper.join();
            assertTrue(stopped[0]);
            assertTrue(summary.contains("INCOMPLETE: the search hit its bound (stopped by the user)"), summary);
            assertFalse(session.invokeMember("stopSearch").asBoolean(), "the search is over");
        }
    }

    @Test
    void theSessionHasExactlyItsMembers() {
        try (Context c = context()) {
            Value session = session(c);
            assertEquals(Set.of("snippets", "globals", "setGlobal", "status", "beginSnippet", "newFindings", "structs", "drop", "describe",
                    "stopSearch", "onProgress"), session.getMemberKeys());
            assertThrows(IllegalArgumentException.class, () -> session.invokeMember("onProgress", 7), "a function or null");
            assertThrows(UnsupportedOperationException.class, () -> session.invokeMember("eval", "1"));
            assertThrows(IllegalArgumentException.class, () -> session.invokeMember("status"));
            assertThrows(IllegalArgumentException.class, () -> session.invokeMember("snippets", 7));
        }
    }

    @Test
    void scriptsCannotCallTheREPLsPlumbing() {
        try (Context c = context()) {
            c.eval("hotlock", "kernel \"4.19\"");
            for (String call : List.of("describe_snippets(\"1\")", "globals()", "set_global(\"a\", 1)", "kernel_status(\"rules\")")) {
                PolyglotException e = assertThrows(PolyglotException.class, () -> c.eval("hotlock", call), call);
                assertTrue(e.isGuestException(), call);
                String name = call.substring(0, call.indexOf('('));
                assertTrue(e.getMessage().contains("unknown name '" + name + "': no variable, constant or function of that name is defined"),
                        e.getMessage());
            }
        }
    }
}
