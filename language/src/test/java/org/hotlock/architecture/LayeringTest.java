package org.hotlock.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers of the language module, read from its sources: each layer may use only the
 * layers below it (spec/architecture.md). A reference to another layer counts whether it is an
 * import or a fully qualified name in the code, so it cannot hide. The one cycle allowed is the
 * language class and the parser: the language parses, the parser builds roots for the language.
 */
class LayeringTest {
    /** Each layer and the layers it may use, from the bottom up. */
    private static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    static {
        layer("runtime");
        layer("kernel", "runtime");
        layer("sched", "runtime", "kernel");
        layer("check", "runtime", "kernel");
        layer("context", "runtime", "kernel", "sched", "check");
        layer("scenario", "runtime", "kernel", "sched", "check", "context");
        layer("nodes", "runtime", "kernel", "sched", "check", "context", "scenario");
        layer("builtins", "runtime", "kernel", "sched", "check", "context", "scenario", "nodes");
        layer("coverage", "runtime", "kernel", "sched", "check", "context", "scenario", "nodes", "builtins");
        layer("parser", "runtime", "kernel", "sched", "check", "context", "scenario", "nodes", "builtins", "language");
        layer("session", "runtime", "kernel", "sched", "check", "context", "scenario");
        layer("language", "runtime", "kernel", "sched", "check", "context", "scenario", "nodes", "builtins", "parser", "session");
    }

    private static void layer(String name, String... below) {
        MAY_USE.put(name, new LinkedHashSet<>(List.of(below)));
    }

    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.hotlock((?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Path SOURCES = Path.of("src/main/java/org/hotlock");

    /** Layer of each source file, and the layers each file refers to. */
    private static final Map<Path, String> LAYER_OF = new TreeMap<>();
    private static final Map<Path, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                LAYER_OF.put(file, layerOf(SOURCES.relativize(file).getParent()));
                Set<String> uses = new TreeSet<>();
                for (String line : Files.readAllLines(file)) {
                    String code = line.strip();
                    if (code.startsWith("package ") || code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                        continue;
                    }
                    Matcher m = REFERENCE.matcher(code);
                    while (m.find()) {
                        uses.add(m.group(1).isEmpty() ? "language" : m.group(1).substring(1).split("\\.")[0]);
                    }
                }
                USES.put(file, uses);
            }
        }
        assertTrue(LAYER_OF.size() > 100, "the sources were found: " + LAYER_OF.size() + " files under " + SOURCES.toAbsolutePath());
    }

    /** {@code org.hotlock.X} is the language layer; {@code org.hotlock.kernel.Y} the kernel layer. */
    private static String layerOf(Path packageDirectory) {
        return packageDirectory == null ? "language" : packageDirectory.getName(0).toString();
    }

    @Test
    void everyPackageIsALayerOfTheDesign() {
        Set<String> unknown = new TreeSet<>(LAYER_OF.values());
        unknown.removeAll(MAY_USE.keySet());
        assertEquals(Set.of(), unknown, "packages with no place in the layers: add them to spec/architecture.md and to this test");
    }

    @Test
    void theKernelLayerUsesOnlyTheRuntime() {
        List<String> violations = new ArrayList<>();
        LAYER_OF.forEach((file, layer) -> {
            if (layer.equals("kernel")) {
                for (String used : USES.get(file)) {
                    if (!used.equals("kernel") && !used.equals("runtime")) {
                        violations.add(file + " uses " + used);
                    }
                }
            }
        });
        assertEquals(List.of(), violations, "the kernel publishes events through its listener interfaces; it must not know who listens");
    }

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt() {
        List<String> violations = new ArrayList<>();
        LAYER_OF.forEach((file, layer) -> {
            for (String used : USES.get(file)) {
                if (!used.equals(layer) && !MAY_USE.get(layer).contains(used)) {
                    violations.add(file + " (" + layer + ") uses " + used);
                }
            }
        });
        assertEquals(List.of(), violations, "a layer that must reach up: put an interface in the lower layer instead");
    }

    @Test
    void theLayersFormNoCycleButTheLanguageAndTheParser() {
        Map<String, Set<String>> graph = new TreeMap<>();
        LAYER_OF.forEach((file, layer) -> {
            Set<String> out = graph.computeIfAbsent(layer, k -> new TreeSet<>());
            USES.get(file).stream().filter(u -> !u.equals(layer)).forEach(out::add);
        });
        List<Set<String>> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            Set<String> reach = reachable(graph, start);
            if (reach.contains(start)) {
                Set<String> cycle = new TreeSet<>();
                for (String other : reach) {
                    if (reachable(graph, other).contains(start)) {
                        cycle.add(other);
                    }
                }
                if (!cycles.contains(cycle)) {
                    cycles.add(cycle);
                }
            }
        }
        assertTrue(cycles.stream().allMatch(c -> c.equals(Set.of("language", "parser"))), "cycles between layers: " + cycles);
    }

    private static Set<String> reachable(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new TreeSet<>();
        List<String> work = new ArrayList<>(graph.getOrDefault(from, Set.of()));
        while (!work.isEmpty()) {
            String n = work.removeLast();
            if (seen.add(n)) {
                work.addAll(graph.getOrDefault(n, Set.of()));
            }
        }
        return seen;
    }
}
