package org.hotlock.sched;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hotlock.kernel.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * A failing schedule saved for {@code hotlock replay}: the scenario file, the kernel model,
 * the schedule (a thread name per step) and what failed. JSON, written and read back with
 * Jackson: a trace edited or re-indented by a JSON tool reads the same, and a file that is not
 * JSON is refused rather than half read.
 */
public final class TraceFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private TraceFile() {
    }

    /** The format this class writes; {@code hotlock-trace-1} named the scenario relative to where it ran. */
    public static final String FORMAT = "hotlock-trace-2";

    /**
     * What {@code replay} needs from a trace. {@code settings} is null in a trace older than them;
     * {@code steps}: each step as {@link #step} words it, or null for a trace without them;
     * {@code scenarioIndex}: which of the script's scenario statements, in the order they ran,
     * the trace is of (from 0; -1 for a trace that does not say); {@code searchMode}: the
     * search the command line made the script's explore { } and pct { } run as ("" for as written).
     */
    public record Trace(String format, String scenario, String scenarioAbsolute, List<String> schedule, Settings settings, List<String> steps,
                        int scenarioIndex, String searchMode) {
    }

    /** A step as a replay compares it with the trace's: its thread, kind and what it did. */
    public static String step(String thread, String kind, String what) {
        return thread + ": " + kind + " " + what;
    }

    /** The steps, as the option that hands them to a replay: a JSON array of strings. */
    public static String encodeSteps(List<String> steps) {
        ArrayNode array = MAPPER.createArrayNode();
        steps.forEach(array::add);
        return array.toString();
    }

    /** The steps an option handed over ({@link #encodeSteps}); an empty list for none. */
    public static List<String> decodeSteps(String option) {
        if (option.isEmpty()) {
            return List.of();
        }
        try {
            List<String> steps = new ArrayList<>();
            for (JsonNode n : MAPPER.readTree(option)) {
                steps.add(n.asText());
            }
            return steps;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a list of steps: " + e.getOriginalMessage());
        }
    }

    /**
     * The options of the run that shape an execution and what its checks report, so that a
     * replay runs it as it ran: the bounds of an execution and the lock graph's options.
     */
    public record Settings(long maxSteps, long statementLimit, int maxCallDepth, boolean gateLocks, boolean lockdepNovalidateDevice) {
    }

    /**
     * {@code scenario}: the scenario file relative to the trace's directory;
     * {@code scenarioAbsolute}: its absolute path, for a trace moved without it.
     */
    public static String write(String scenario, String scenarioAbsolute, int scenarioIndex, String searchMode, String kernel, String mode,
                               Settings settings, Outcome outcome) {
        ObjectNode trace = MAPPER.createObjectNode();
        trace.put("format", FORMAT);
        trace.put("scenario", scenario);
        trace.put("scenario_absolute", scenarioAbsolute);
        trace.put("kernel", kernel);
        trace.put("scenario_index", scenarioIndex);
        trace.put("search_mode", searchMode);
        trace.put("mode", mode);
        trace.put("outcome", outcome.kind().name());
        trace.put("message", outcome.message());
        ObjectNode options = trace.putObject("settings");
        options.put("max_steps", settings.maxSteps());
        options.put("statement_limit", settings.statementLimit());
        options.put("max_call_depth", settings.maxCallDepth());
        options.put("gate_locks", settings.gateLocks());
        options.put("lockdep_novalidate_device", settings.lockdepNovalidateDevice());
        ArrayNode threads = trace.putArray("threads");
        outcome.threadNames().forEach(threads::add);
        ArrayNode schedule = trace.putArray("schedule");
        outcome.scheduleNames().forEach(schedule::add);
        ArrayNode steps = trace.putArray("steps");
        for (Event e : outcome.trace()) {
            ObjectNode step = steps.addObject();
            step.put("thread", outcome.threadNames().get(e.thread()));
            step.put("kind", e.kind().name());
            step.put("what", e.description());
        }
        try {
            return WRITER.writeValueAsString(trace) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write a trace: " + e.getMessage(), e);
        }
    }

    /** A trace file's content, parsed; IllegalArgumentException when it is not a HotLock trace. */
    public static Trace read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a HotLock trace: not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a HotLock trace: not a JSON object");
        }
        String scenario = text(root, "scenario");
        if (scenario == null) {
            throw new IllegalArgumentException("not a HotLock trace: it names no scenario");
        }
        if (scenario.isEmpty() || scenario.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("not a HotLock trace: its scenario " + shorten(quote(scenario)) + " is not a file name");
        }
        JsonNode schedule = root.get("schedule");
        if (schedule == null) {
            throw new IllegalArgumentException("not a HotLock trace: it has no schedule");
        }
        if (!schedule.isArray()) {
            throw new IllegalArgumentException("not a HotLock trace: its schedule is " + shorten(schedule.toString()) + ", not a list of thread names");
        }
        if (schedule.isEmpty()) {
            // a failure happens in a step: an empty schedule would replay nothing (and the
            // launcher would run the scenario's own search instead)
            throw new IllegalArgumentException("not a HotLock trace: its schedule is empty; a failing schedule has a step at least");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : schedule) {
            if (!name.isTextual() || !isThreadName(name.asText())) {
                throw new IllegalArgumentException("not a HotLock trace: its schedule holds " + shorten(name.toString()) + ", not a thread name");
            }
            names.add(name.asText());
        }
        JsonNode index = root.get("scenario_index");
        if (index != null && (!index.isIntegralNumber() || !index.canConvertToInt() || index.asInt() < 0)) {
            throw new IllegalArgumentException("not a HotLock trace: its scenario_index is " + shorten(index.toString()) + ", not a whole number from 0");
        }
        String searchMode = text(root, "search_mode");
        if (searchMode != null && !List.of("", "explore", "pct").contains(searchMode)) {
            throw new IllegalArgumentException("not a HotLock trace: its search_mode is " + shorten(quote(searchMode)) + ", not explore, pct or empty");
        }
        return new Trace(text(root, "format"), scenario, text(root, "scenario_absolute"), List.copyOf(names), settings(root.get("settings")),
                steps(root.get("steps"), names.size()), index == null ? -1 : index.asInt(), searchMode == null ? "" : searchMode);
    }

    /** The recorded steps, one per scheduled step; null when the trace has none. */
    private static List<String> steps(JsonNode node, int scheduled) {
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.size() != scheduled) {
            throw new IllegalArgumentException("not a HotLock trace: its steps are not a list of " + scheduled + ", one for each step of its schedule");
        }
        List<String> steps = new ArrayList<>();
        for (JsonNode s : node) {
            JsonNode thread = s.get("thread");
            JsonNode kind = s.get("kind");
            JsonNode what = s.get("what");
            if (!s.isObject() || thread == null || !thread.isTextual() || kind == null || !kind.isTextual() || what == null || !what.isTextual()) {
                throw new IllegalArgumentException("not a HotLock trace: its steps hold " + shorten(s.toString()) + ", not a thread, a kind and what it did");
            }
            steps.add(step(thread.asText(), kind.asText(), what.asText()));
        }
        return List.copyOf(steps);
    }

    /** The recorded settings; null when the trace has none (older traces: the defaults then). */
    private static Settings settings(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a HotLock trace: its settings are " + shorten(node.toString()) + ", not an object");
        }
        return new Settings(whole(node, "max_steps", 1, Long.MAX_VALUE), whole(node, "statement_limit", 0, Long.MAX_VALUE),
                (int) whole(node, "max_call_depth", 1, Integer.MAX_VALUE), flag(node, "gate_locks"), flag(node, "lockdep_novalidate_device"));
    }

    private static long whole(JsonNode settings, String key, long min, long max) {
        JsonNode v = settings.get(key);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw new IllegalArgumentException("not a HotLock trace: its setting " + key + " is " + (v == null ? "missing"
                    : shorten(v.toString())) + ", not a whole number from " + min + " to " + max);
        }
        return v.asLong();
    }

    private static boolean flag(JsonNode settings, String key) {
        JsonNode v = settings.get(key);
        if (v == null || !v.isBoolean()) {
            throw new IllegalArgumentException("not a HotLock trace: its setting " + key + " is " + (v == null ? "missing"
                    : shorten(v.toString())) + ", not true or false");
        }
        return v.asBoolean();
    }

    /** A thread's name as a schedule names it: not empty, no comma (the replay option's separator), no control character. */
    private static boolean isThreadName(String name) {
        return !name.isEmpty() && name.chars().noneMatch(c -> c == ',' || Character.isISOControl(c));
    }

    /** What a message quotes from the file: at most 100 characters of it. */
    public static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "... (" + (text.length() - 100) + " more characters)";
    }

    private static String text(JsonNode root, String key) {
        JsonNode v = root.get(key);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /**
     * The scenario path recorded in a trace: in {@link #FORMAT}, relative to the trace's
     * directory; in {@code hotlock-trace-1}, relative to the directory it was written from.
     */
    public static String scenario(String json) {
        return read(json).scenario();
    }

    /** The scenario's absolute path, recorded since {@link #FORMAT}; null in older traces. */
    public static String scenarioAbsolute(String json) {
        return read(json).scenarioAbsolute();
    }

    /** The trace's format, {@code hotlock-trace-N}; null if it names none. */
    public static String format(String json) {
        return read(json).format();
    }

    /** The schedule recorded in a trace, one thread name per step. */
    public static List<String> schedule(String json) {
        return read(json).schedule();
    }

    /** A JSON string literal, as the trace writes it. */
    public static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
