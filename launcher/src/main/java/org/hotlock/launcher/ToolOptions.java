package org.hotlock.launcher;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptor;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionStability;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Instrument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of GraalVM's tools and of the engine, given as every GraalVM launcher takes them:
 * {@code --inspect[=PORT]}, {@code --cpusampler}, {@code --cputracer}, {@code --memtracer},
 * {@code --<tool>.<option>=VALUE}, {@code --engine.*}, {@code --log.*}, anywhere on the command
 * line. They are taken out before picocli parses the rest, and every engine the launcher builds
 * gets them ({@link Contexts}).
 */
final class ToolOptions {
    /** Tools a GraalVM launcher has that this build cannot serve, with what to use instead. */
    static final Map<String, String> NOT_SERVED = Map.of(
            "dap", "the Debug Adapter Protocol tool (org.graalvm.tools:dap-tool) is not served by the Maven registry"
                    + " this build resolves from (no version of it resolves); debug with --inspect (Chrome DevTools) instead");
    /** GraalVM's coverage tool is not served either; HotLock's --coverage FILE is its own (kernelcoverage below). */
    private static final String COVERAGE = "GraalVM's coverage tool (org.graalvm.tools:coverage-tool) is not served by the Maven registry"
            + " this build resolves from; --coverage FILE (of run, explore, pct and check) is HotLock's own:"
            + " LCOV of the kernel model, with its branches (the kernelcoverage tool above)";

    /** Thrown for an option the engine would refuse: a usage error, said before anything runs. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    final Map<String, String> options = new LinkedHashMap<>();
    final List<String> rest = new ArrayList<>();
    boolean experimental;

    /**
     * Splits the command line into the engine's options and HotLock's arguments. {@code ours}
     * are HotLock's own option names (never taken); an argument after {@code --} or that is
     * the value of one of ours stays where it is.
     */
    static ToolOptions split(String[] args, Set<String> ours, Set<String> oursWithValue) throws Refused {
        ToolOptions t = new ToolOptions();
        List<String> experimental = new ArrayList<>();
        Engine probe = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--")) {
                    t.rest.addAll(List.of(args).subList(i, args.length));
                    break;
                }
                String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : null;
                if (name == null || name.isEmpty() || ours.contains("--" + name) || name.startsWith("help:") || name.startsWith("version:")) {
                    t.rest.add(arg);
                    if (name != null && oursWithValue.contains("--" + name) && !arg.contains("=") && i + 1 < args.length) {
                        t.rest.add(args[++i]);
                    }
                    continue;
                }
                if (name.equals("experimental-options")) {
                    t.experimental = true;
                    continue;
                }
                String group = name.split("\\.", 2)[0];
                if (NOT_SERVED.containsKey(group)) {
                    throw new Refused("--" + name + ": " + NOT_SERVED.get(group));
                }
                if (probe == null) {
                    probe = probeEngine();
                }
                OptionDescriptor descriptor = descriptor(probe, group, name);
                if (descriptor == null) {
                    if (!group.equals("log")) {
                        t.rest.add(arg);   // not an engine option either: picocli says it is unknown
                        continue;
                    }
                }
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "true";
                if (descriptor != null) {
                    check(descriptor, name, value);
                    if (descriptor.getStability() == OptionStability.EXPERIMENTAL) {
                        experimental.add(name);
                    }
                }
                t.options.put(name, value);
            }
        } finally {
            if (probe != null) {
                probe.close();
            }
        }
        if (!t.experimental && !experimental.isEmpty()) {
            throw new Refused("--" + experimental.get(0) + " is an experimental option: add --experimental-options to use it");
        }
        return t;
    }

    /** The descriptor of an engine or tool option, or null when neither knows the name. */
    private static OptionDescriptor descriptor(Engine probe, String group, String name) {
        if (group.equals("engine") || group.equals("compiler")) {
            return probe.getOptions().get(name);
        }
        Instrument tool = probe.getInstruments().get(group);
        return tool == null ? null : tool.getOptions().get(name);
    }

    private static void check(OptionDescriptor descriptor, String name, String value) throws Refused {
        try {
            descriptor.getKey().getType().convert(value);
        } catch (IllegalArgumentException e) {
            throw new Refused("--" + name + "=" + value + ": " + e.getMessage()
                    + (descriptor.getUsageSyntax() != null ? " (expected " + descriptor.getUsageSyntax() + ")" : ""));
        }
    }

    /** An engine that only answers what tools and options there are; it runs nothing. */
    static Engine probeEngine() {
        return Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build();
    }

    /** {@code --help:tools}: every tool the build serves with its options, and those it does not serve. */
    static String helpTools() {
        StringBuilder b = new StringBuilder("Tools (GraalVM instruments on the class path), each enabled with --ID and set with --ID.OPTION=VALUE:\n");
        try (Engine probe = probeEngine()) {
            probe.getInstruments().values().stream().sorted((x, y) -> x.getId().compareTo(y.getId())).forEach(tool -> {
                if (tool.getOptions().iterator().hasNext()) {
                    b.append("\n  ").append(tool.getName()).append(" (--").append(tool.getId()).append("):\n");
                    describe(b, tool.getOptions());
                }
            });
        }
        b.append("\nNot in this build:\n");
        NOT_SERVED.forEach((id, why) -> b.append("  --").append(id).append(": ").append(why).append("\n"));
        b.append("  GraalVM's --coverage: ").append(COVERAGE).append("\n");
        return b.toString();
    }

    /** {@code --help:engine}: the engine's options. */
    static String helpEngine() {
        StringBuilder b = new StringBuilder("Engine options (--engine.NAME=VALUE; --log.file=FILE, --log.ID.level=LEVEL):\n");
        try (Engine probe = probeEngine()) {
            describe(b, probe.getOptions());
        }
        return b.toString();
    }

    private static void describe(StringBuilder b, OptionDescriptors descriptors) {
        for (OptionDescriptor d : descriptors) {
            if (d.isDeprecated() || d.getCategory() == OptionCategory.INTERNAL) {
                continue;
            }
            String syntax = d.getUsageSyntax() == null ? "" : "=" + d.getUsageSyntax();
            String experimental = d.getStability() == OptionStability.EXPERIMENTAL ? " [experimental: needs --experimental-options]" : "";
            b.append(String.format("    --%-40s %s%s%n", d.getName() + syntax, d.getHelp(), experimental));
        }
    }
}
