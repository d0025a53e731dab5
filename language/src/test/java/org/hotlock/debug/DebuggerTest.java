package org.hotlock.debug;

import com.oracle.truffle.api.debug.Breakpoint;
import com.oracle.truffle.api.debug.DebugScope;
import com.oracle.truffle.api.debug.DebugStackFrame;
import com.oracle.truffle.api.debug.DebugValue;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.DebuggerSession;
import com.oracle.truffle.api.debug.SuspendedEvent;
import org.graalvm.polyglot.Context;
import org.hotlock.context.KernelModels;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Truffle debugger on two guest threads racing through the kernel model: the seed's lost
 * update on 4.19, where an auto-onlining probe and an {@code online} write both run
 * online_pages() and its {@code zone.present_pages += onlined_pages}, a scheduling point
 * (a write of shared kernel state) at which the other thread runs. A breakpoint there, in
 * kernel/4.19/memory_hotplug.hlk; a step over it must stop on the next line of the same
 * guest thread, with the function's locals and their struct fields readable, and the
 * schedule must be the one the scenario runs without a debugger.
 */
class DebuggerTest {
    private static final String MODEL = "kernel/4.19/memory_hotplug.hlk";
    private static final String SCENARIO = """
            kernel "4.19"
            machine box {
              platform acpi
              block_size 128M
              node 0 { boot 0..4G; hotpluggable 4G..8G }
              auto_online false
            }
            sysfs.write("/sys/devices/system/memory/probe", 0x108000000)
            sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online")
            thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
            thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
            lock_log_clear()
            """;

    /** Where the debugger stopped: the guest thread, its host thread, the function, the line, the locals shown. */
    record Stop(boolean breakpoint, String guestThread, Thread hostThread, String function, int line, Map<String, String> locals,
                boolean zoneHasPresentPages) {
    }

    @Test
    void aStepOverASchedulingPointStaysInItsGuestThreadAndTheLocalsShow() throws IOException {
        int line = lineOf("  zone.present_pages += onlined_pages");
        String undebugged = schedule(null, line);
        List<Stop> stops = Collections.synchronizedList(new ArrayList<>());
        String debugged = schedule(stops, line);

        assertEquals(undebugged, debugged, "the debugger changes no choice of the scheduler");
        List<Stop> breakpoints = stops.stream().filter(Stop::breakpoint).toList();
        List<Stop> steps = stops.stream().filter(s -> !s.breakpoint()).toList();
        assertEquals(List.of("admin", "probe"), breakpoints.stream().map(Stop::guestThread).sorted().toList(),
                "both threads reach the breakpoint: " + stops);
        assertEquals(2, steps.size(), "one step each: " + stops);
        for (Stop step : steps) {
            Stop from = breakpoints.stream().filter(b -> b.guestThread().equals(step.guestThread())).findFirst().orElseThrow();
            assertTrue(stops.indexOf(from) < stops.indexOf(step), "the step ends after it began: " + stops);
            assertEquals("online_pages", step.function(), "stepping stays in online_pages: " + stops);
            assertEquals(line + 1, step.line(), "the next line, not another thread's: " + stops);
            assertEquals(from.hostThread(), step.hostThread());
        }
        assertNotEquals(breakpoints.get(0).hostThread(), breakpoints.get(1).hostThread(), "each guest thread a thread of its own while debugged");

        Stop first = breakpoints.get(0);
        assertEquals(List.of("pfn", "nr_pages", "online_type", "nid", "zone", "arg", "ret", "need_zonelists_rebuild", "onlined_pages"),
                List.copyOf(first.locals().keySet()), "the parameters and the vars declared so far: " + first.locals());
        assertEquals("32768", first.locals().get("nr_pages"), "a 128M block is 32768 pages");
        assertEquals("32768", first.locals().get("onlined_pages"));
        assertTrue(first.zoneHasPresentPages(), "the zone's fields unfold: " + first.locals().get("zone"));
    }

    @Test
    void aContextThatMayNotCreateThreadsIsWarnedThatSteppingCannotKeepGuestThreadsApart() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("hotlock").out(out).err(out).option("engine.WarnInterpreterOnly", "false").build();
             DebuggerSession session = Debugger.find(context.getEngine()).startSession(SuspendedEvent::prepareContinue)) {
            context.eval("hotlock", SCENARIO);
            context.eval("hotlock", "run_scenario(\"run\")");
            context.eval("hotlock", "run_scenario(\"run\")");
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("hotlock: warning: a debugger is attached, but this context may not create threads"), text);
        assertEquals(text.indexOf("hotlock: warning"), text.lastIndexOf("hotlock: warning"), "once per context: " + text);
    }

    /** Runs the scenario's threads under seed 0 (debugged, recording where it stopped, when stops is not null); the lock log it took. */
    private static String schedule(List<Stop> stops, int line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("hotlock").out(out).err(out).allowCreateThread(true)
                .option("engine.WarnInterpreterOnly", "false").build()) {
            DebuggerSession session = null;
            if (stops != null) {
                session = Debugger.find(context.getEngine()).startSession(event -> stopped(event, stops));
                session.install(Breakpoint.newBuilder(KernelModels.uri(MODEL)).lineIs(line).build());
            }
            try {
                context.eval("hotlock", SCENARIO);
                context.eval("hotlock", "run_scenario(\"run\")");
                return context.eval("hotlock", "lock_log()").toString() + " " + context.eval("hotlock", "NODE_DATA(0).node_zones[ZONE_NORMAL].present_pages");
            } finally {
                if (session != null) {
                    session.close();
                }
            }
        }
    }

    private static void stopped(SuspendedEvent event, List<Stop> stops) {
        DebugStackFrame top = event.getTopStackFrame();
        String guestThread = null;
        for (DebugStackFrame frame : event.getStackFrames()) {
            if (!frame.isInternal()) {
                guestThread = frame.getName();   // the bottom frame: the thread's body
            }
        }
        Map<String, String> locals = new LinkedHashMap<>();
        boolean zoneFields = false;
        DebugScope scope = top.getScope();
        for (DebugValue v : scope.getDeclaredValues()) {
            locals.put(v.getName(), v.toDisplayString());
            if (v.getName().equals("zone")) {
                DebugValue present = v.getProperty("present_pages");
                zoneFields = present != null && present.isNumber() && v.getProperty("name").asString().equals("Normal");
            }
        }
        boolean breakpoint = !event.getBreakpoints().isEmpty();
        stops.add(new Stop(breakpoint, guestThread, Thread.currentThread(), top.getName(), event.getSourceSection().getStartLine(), locals, zoneFields));
        if (breakpoint) {
            event.prepareStepOver(1);
        } else {
            event.prepareContinue();
        }
    }

    private static int lineOf(String text) throws IOException {
        try (InputStream in = DebuggerTest.class.getClassLoader().getResourceAsStream(MODEL)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            int line = lines.indexOf(text) + 1;
            assertTrue(line > 0, text + " is not in " + MODEL);
            return line;
        }
    }
}
