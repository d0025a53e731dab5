package org.hotlock.embed;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HotLock as a library: the polyglot API, interop values, the facade, the sandbox. */
class EmbeddingTest {
    static final String SEED = """
            kernel "4.19"
            machine box {
              platform acpi
              block_size 128M
              node 0 { boot 0..4G; hotpluggable 4G..8G }
              auto_online false
            }
            sysfs.write("/sys/devices/system/memory/probe", "0x108000000")
            sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online")
            thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
            thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
            """;

    private static final OutputStream QUIET = OutputStream.nullOutputStream();

    @Test
    void errorsArrivePolyglotExceptionsWithTheGuestLocation() {
        try (Context c = Context.newBuilder("hotlock").out(QUIET).err(QUIET).option("engine.WarnInterpreterOnly", "false").build()) {
            PolyglotException e = assertThrows(PolyglotException.class,
                    () -> c.eval(org.graalvm.polyglot.Source.newBuilder("hotlock", "var x = 1\nx.y", "embed.hlk").buildLiteral()));
            assertTrue(e.isGuestException());
            assertEquals("embed.hlk", e.getSourceLocation().getSource().getName());
            assertEquals(2, e.getSourceLocation().getStartLine());
        }
    }

    @Test
    void sessionsShareOneEngineButNeverKernelState() {
        try (Session first = HotLock.session(QUIET); Session second = HotLock.session(QUIET)) {
            assertSame(HotLock.engine(), first.context().getEngine(), "the sessions run on the shared engine");
            assertSame(first.context().getEngine(), second.context().getEngine(), "so they share compiled code");
            first.eval(SEED);
            first.eval("sysfs.write(\"/sys/devices/system/memory/memory33/online\", \"1\")");
            assertEquals(1, first.kernel().getMember("blocks").getArrayElement(32).getMember("state").asLong(), "memory33 online in the first");
            second.eval(SEED);
            assertEquals(4, second.kernel().getMember("blocks").getArrayElement(32).getMember("state").asLong(),
                    "the second session's memory33 is its own, offline");
        }
    }

    @Test
    void theKernelAndTheReportAreInteropValues() {
        try (Session s = HotLock.session(QUIET)) {
            s.eval(SEED);
            Value kernel = s.kernel();
            assertEquals("4.19", kernel.getMember("version").asString());
            assertEquals("acpi", kernel.getMember("machine").getMember("platform").asString());
            Value blocks = kernel.getMember("blocks");
            assertEquals(33, blocks.getArraySize(), "32 boot blocks and the probed memory33");
            assertEquals(4, blocks.getArrayElement(32).getMember("state").asLong(), "memory33 is MEM_OFFLINE");
            assertEquals("Normal", kernel.getMember("zones").getArrayElement(0).getMember("name").asString());
            Value dhl = kernel.getMember("locks").getArrayElement(0);
            assertEquals("device_hotplug_lock", dhl.getMember("name").asString());
            assertEquals("free", dhl.getMember("mode").asString());

            s.eval("explore { probe, admin }\n".replace("explore", "run"));
            Value report = s.eval("last_report()");
            assertEquals("run", report.getMember("mode").asString());
            Value findings = s.eval("findings()");
            assertTrue(findings.getArraySize() > 0);
            assertEquals("R1", findings.getArrayElement(0).getMember("rule").asString());
        }
    }

    @Test
    void theFacadeReturnsTheFailingScheduleAsData() {
        try (Session s = HotLock.session(QUIET)) {
            s.eval(SEED);
            Report r = s.explore("probe", "admin");
            assertEquals("explore", r.mode());
            assertFalse(r.clean());
            assertNotNull(r.failure());
            assertEquals("invariant", r.failure().category());
            assertTrue(r.failure().schedule().contains("admin"));
            assertTrue(r.findings().stream().anyMatch(f -> f.category().equals("race(zone.present_pages)")), r.findings().toString());
        }
        try (Session s = HotLock.session(QUIET)) {
            s.eval(SEED.replace("4.19", "4.20"));
            Report r = s.explore();
            assertNull(r.failure());
            assertTrue(r.complete());
            assertTrue(r.executions() > 1);
        }
    }

    @Test
    void guestFunctionsAreExecutableAndTheHostPassesValuesAndCallbacksIn() {
        try (Context c = Context.newBuilder("hotlock").out(QUIET).err(QUIET).option("engine.WarnInterpreterOnly", "false").build()) {
            c.eval("hotlock", "fn pages(size) { return size >> 12 }");
            Value bindings = c.getBindings("hotlock");
            assertEquals(32768, bindings.getMember("pages").execute(128L << 20).asLong());
            bindings.putMember("block", 128L << 20);
            List<Object> seen = new java.util.ArrayList<>();
            bindings.putMember("report", (ProxyExecutable) args -> {
                seen.add(args[0].asLong());
                return null;
            });
            c.eval("hotlock", "report(pages(block) * 2)");
            assertEquals(List.of(65536L), seen);
        }
    }

    @Test
    void aConstrainedSandboxRunsScenariosAndGivesScriptsNoWayOut() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Context.newBuilder("hotlock").sandbox(SandboxPolicy.CONSTRAINED).out(out).err(out).build()) {
            c.eval("hotlock", SEED.replace("4.19", "4.20"));
            c.eval("hotlock", "explore { probe, admin } expect bad_unlock, cycle");
            for (String hostile : List.of("java.lang.System.exit(1)", "Java.type(\"java.io.File\")", "Polyglot.eval(\"js\", \"1\")",
                    "sysfs.write(\"/etc/passwd\", \"x\")")) {
                try {
                    Value v = c.eval("hotlock", hostile);
                    assertEquals(-2, v.asLong(), "only the simulated sysfs exists: " + hostile);
                } catch (PolyglotException e) {
                    assertTrue(e.isGuestException(), hostile + ": " + e);
                    assertTrue(e.getMessage().contains("unknown name"), hostile + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void aStatementLimitStopsARunawayScript() {
        ResourceLimits limits = ResourceLimits.newBuilder().statementLimit(10_000, null).build();
        Context c = Context.newBuilder("hotlock").resourceLimits(limits).out(QUIET).err(QUIET)
                .option("engine.WarnInterpreterOnly", "false").build();
        PolyglotException e = assertThrows(PolyglotException.class, () -> c.eval("hotlock", "var i = 0\nwhile (true) { i += 1 }"));
        assertTrue(e.isResourceExhausted(), e.getMessage());
        assertTrue(e.getMessage().contains("Statement count limit of 10000 exceeded"), e.getMessage());
        // the limit cancelled the context; closing it reports the same cause
        PolyglotException closed = assertThrows(PolyglotException.class, c::close);
        assertTrue(closed.isResourceExhausted());
    }

    @Test
    void closingTheContextFromAnotherThreadStopsAnExploration() throws Exception {
        Context c = Context.newBuilder("hotlock").out(QUIET).err(QUIET).option("engine.WarnInterpreterOnly", "false")
                .option("hotlock.Reduce", "false").build();
        c.eval("hotlock", SEED.replace("4.19", "4.20"));
        PolyglotException e = stoppedFromAnotherThread(c, "explore { probe, admin }", 500, () -> c.close(true));
        assertTrue(e.isCancelled(), e.getMessage());
    }

    /**
     * Evaluates the source on a thread of its own, runs {@code stop} after {@code afterMillis}
     * and returns how the evaluation ended; it must end within 30 s of the stop.
     */
    private static PolyglotException stoppedFromAnotherThread(Context c, String source, long afterMillis, Runnable stop) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Object> running = pool.submit(() -> c.eval("hotlock", source));
            Thread.sleep(afterMillis);
            stop.run();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> running.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof PolyglotException, String.valueOf(e.getCause()));
            return (PolyglotException) e.getCause();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingTheContextStopsAnEndlessForLoopAndTheOwnStatementLimitStopsOneToo() throws Exception {
        // no statement limit: only a cancellation can stop it, and the loop must poll for one
        Context c = Context.newBuilder("hotlock").out(QUIET).err(QUIET).option("engine.WarnInterpreterOnly", "false")
                .option("hotlock.StatementLimit", "0").build();
        PolyglotException closed = stoppedFromAnotherThread(c, "for i in 0..9223372036854775807 { }", 300, () -> c.close(true));
        assertTrue(closed.isCancelled(), closed.getMessage());
        // what the REPL's Ctrl-C does: interrupt the evaluation, which the loop must poll for
        try (Context interrupted = Context.newBuilder("hotlock").out(QUIET).err(QUIET).option("engine.WarnInterpreterOnly", "false")
                .option("hotlock.StatementLimit", "0").build()) {
            PolyglotException e = stoppedFromAnotherThread(interrupted, "while (true) { }", 300, () -> {
                try {
                    interrupted.interrupt(java.time.Duration.ofSeconds(30));
                } catch (java.util.concurrent.TimeoutException timeout) {
                    throw new AssertionError("the loop did not stop within 30 s of the interrupt", timeout);
                }
            });
            assertTrue(e.isInterrupted(), e.getMessage());
        }
        try (Context limited = Context.newBuilder("hotlock").out(QUIET).err(QUIET).option("engine.WarnInterpreterOnly", "false")
                .option("hotlock.StatementLimit", "100000").build()) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> limited.eval("hotlock", "while (true) { }"));
            assertTrue(e.isGuestException(), e.getMessage());
            assertTrue(e.getMessage().contains("the script ran more than 100000 loop iterations and calls, its statement limit"), e.getMessage());
            assertEquals(1, e.getSourceLocation().getStartLine());
        }
    }

    @Test
    void twoContextsOfOneEngineRunAtOnceWithoutSharingKernelState() throws Exception {
        try (Engine engine = Engine.newBuilder("hotlock").option("engine.WarnInterpreterOnly", "false").build()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Report> old = pool.submit(() -> {
                    try (Session s = HotLock.session(engine, QUIET)) {
                        s.eval(SEED);
                        return s.explore("probe", "admin");
                    }
                });
                Future<Report> fixed = pool.submit(() -> {
                    try (Session s = HotLock.session(engine, QUIET)) {
                        s.eval(SEED.replace("4.19", "4.20"));
                        return s.explore("probe", "admin");
                    }
                });
                assertEquals("invariant", old.get(60, TimeUnit.SECONDS).failure().category());
                assertNull(fixed.get(60, TimeUnit.SECONDS).failure());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
