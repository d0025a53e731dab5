package org.hotlock.sched;

import org.hotlock.kernel.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failing schedule saved for {@code hotlock replay}: the scenario file, the kernel model,
 * the schedule (a thread name per step) and what failed. JSON, written and read here.
 */
public final class TraceFile {
    private TraceFile() {
    }

    /** The format this class writes; {@code hotlock-trace-1} named the scenario relative to where it ran. */
    public static final String FORMAT = "hotlock-trace-2";

    /**
     * {@code scenario}: the scenario file relative to the trace's directory;
     * {@code scenarioAbsolute}: its absolute path, for a trace moved without it.
     */
    public static String write(String scenario, String scenarioAbsolute, String kernel, String mode, Outcome outcome) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"format\": ").append(quote(FORMAT)).append(",\n");
        sb.append("  \"scenario\": ").append(quote(scenario)).append(",\n");
        sb.append("  \"scenario_absolute\": ").append(quote(scenarioAbsolute)).append(",\n");
        sb.append("  \"kernel\": ").append(quote(kernel)).append(",\n");
        sb.append("  \"mode\": ").append(quote(mode)).append(",\n");
        sb.append("  \"outcome\": ").append(quote(outcome.kind().name())).append(",\n");
        sb.append("  \"message\": ").append(quote(outcome.message())).append(",\n");
        sb.append("  \"threads\": [");
        for (int i = 0; i < outcome.threadNames().size(); i++) {
            sb.append(i > 0 ? ", " : "").append(quote(outcome.threadNames().get(i)));
        }
        sb.append("],\n  \"schedule\": [");
        List<String> names = outcome.scheduleNames();
        for (int i = 0; i < names.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(quote(names.get(i)));
        }
        sb.append("],\n  \"steps\": [\n");
        List<Event> trace = outcome.trace();
        for (int i = 0; i < trace.size(); i++) {
            Event e = trace.get(i);
            sb.append("    {\"thread\": ").append(quote(outcome.threadNames().get(e.thread())))
                    .append(", \"kind\": ").append(quote(e.kind().name()))
                    .append(", \"what\": ").append(quote(e.description())).append('}')
                    .append(i + 1 < trace.size() ? ",\n" : "\n");
        }
        return sb.append("  ]\n}\n").toString();
    }

    /**
     * The scenario path recorded in a trace: in {@link #FORMAT}, relative to the trace's
     * directory; in {@code hotlock-trace-1}, relative to the directory it was written from.
     */
    public static String scenario(String json) {
        String scenario = string(json, "scenario");
        if (scenario == null) {
            throw new IllegalArgumentException("not a HotLock trace: it names no scenario");
        }
        return scenario;
    }

    /** The scenario's absolute path, recorded since {@link #FORMAT}; null in older traces. */
    public static String scenarioAbsolute(String json) {
        return string(json, "scenario_absolute");
    }

    /** The trace's format, {@code hotlock-trace-N}; null if it names none. */
    public static String format(String json) {
        return string(json, "format");
    }

    private static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? unquote(m.group(1)) : null;
    }

    /** The schedule recorded in a trace, one thread name per step. */
    public static List<String> schedule(String json) {
        Matcher m = Pattern.compile("\"schedule\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("not a HotLock trace: it has no schedule");
        }
        List<String> names = new ArrayList<>();
        Matcher q = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(1));
        while (q.find()) {
            names.add(unquote(q.group(1)));
        }
        return names;
    }

    /** A JSON string literal: the one escaping every HotLock JSON writer uses. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String unquote(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
