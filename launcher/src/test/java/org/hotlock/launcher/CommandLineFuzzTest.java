package org.hotlock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated command lines against the launcher (spec/limits.md, issue 17): commands, options
 * with odd values (negative, zero, huge, not numbers, empty), files that are missing,
 * directories, devices, random text, corrupt traces, report paths where nothing can be
 * written. The property: every command line ends in exit 0, 1, 2 or 4 with what it printed,
 * never exit 3 (an internal error), a Java stack trace or a run past its bound. The command
 * lines come from a seeded generator ({@code -Dhotlock.clifuzz.inputs=N
 * -Dhotlock.clifuzz.seed=S}; 120 in the suite); scenarios are small and searches bounded
 * (`--time-limit`), so that a long run is the launcher's fault. A failing command line is
 * printed as a line of {@code src/test/resources/fuzz-corpus/cli/} (arguments escaped, tab
 * between them, $DIR the test's directory with the files it makes); every line there is run on
 * each run.
 */
class CommandLineFuzzTest {
    static final Path CORPUS = Path.of("src/test/resources/fuzz-corpus/cli");
    static final Path REPO = Path.of(System.getProperty("hotlock.repo", ".."));

    @TempDir
    Path dir;

    @Test
    void everyCommandLineEndsInAnExitCodeAndAMessageNotAnInternalError() throws Exception {
        int inputs = Integer.getInteger("hotlock.clifuzz.inputs", 120);
        long seed = Long.getLong("hotlock.clifuzz.seed", 20261129L);
        Random random = new Random(seed);
        List<String> files = files();
        List<String[]> commandLines = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            commandLines.add(commandLine(random, files));
        }
        long start = System.nanoTime();
        int refused = check(commandLines, "seed " + seed + ", input ");
        System.out.printf("cli fuzz: seed %d, %d command lines, %d refused as usage errors, 0 internal errors, %.1f s%n", seed, inputs,
                refused, (System.nanoTime() - start) / 1e9);
    }

    /** Every command line that once failed: {@code src/test/resources/fuzz-corpus/cli}, one a line. */
    @Test
    void everyCommandLineThatOnceFailedEndsWell() throws Exception {
        files();
        List<String[]> commandLines = new ArrayList<>();
        try (Stream<Path> list = Files.list(CORPUS)) {
            for (Path p : list.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        commandLines.add(Arrays.stream(line.split("\t", -1))
                                .map(a -> Escapes.unescape(a).replace("$DIR", dir.toString()).replace("$REPO", REPO.toString()))
                                .toArray(String[]::new));
                    }
                }
            }
        }
        assertTrue(!commandLines.isEmpty(), "the corpus has command lines");
        check(commandLines, "corpus line ");
    }

    /** Runs each command line; fails at the first that breaks the property, printing it as a corpus line. Returns how many were refused. */
    private int check(List<String[]> commandLines, String label) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        int refused = 0;
        try {
            for (int i = 0; i < commandLines.size(); i++) {
                String[] args = commandLines.get(i);
                String name = label + i + ": hotlock " + String.join(" ", args) + "\n(as a corpus line: " + corpusLine(args) + ")";
                Future<Cli> run = pool.submit(() -> Cli.run(args));
                Cli r;
                try {
                    r = run.get(120, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    fail("no end within 120 s: " + name);
                    return refused;
                }
                String printed = r.out() + r.err();
                assertTrue(r.exitCode() != ExitCodes.INTERNAL, () -> "internal error: " + name + "\n" + printed);
                assertTrue(List.of(0, 1, 2, 4).contains(r.exitCode()), "exit " + r.exitCode() + ": " + name);
                assertTrue(Printed.internalError(printed) == null, () -> "a Java trace: " + name + "\n" + printed);
                if (r.exitCode() == ExitCodes.USAGE) {
                    refused++;
                    assertTrue(printed.contains("hotlock") || printed.contains("Usage") || printed.contains("error:"),
                            () -> "a refused command line says why: " + name + "\n" + printed);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return refused;
    }

    /** The arguments escaped and tab-separated, the test's directory as $DIR: a line of the corpus. */
    private String corpusLine(String[] args) {
        return String.join("\t", Arrays.stream(args).map(a -> Escapes.escape(a.replace(dir.toString(), "$DIR"))).toList());
    }

    /** Scenario and other files a command line may name. */
    private List<String> files() throws IOException {
        Path repo = REPO;
        List<String> files = new ArrayList<>();
        for (String example : List.of("examples/language/zone-accounting.hlk", "examples/kernel/block-lifecycle.hlk",
                "examples/seed/lost-update-4.19.hlk", "examples/kernel/state-read-once-4.20.hlk")) {
            files.add(repo.resolve(example).toString());
        }
        Path text = dir.resolve("random.hlk");
        Files.writeString(text, "thread t { yield() }\nexplore { t }\nvar x = [1, 2\n");
        files.add(text.toString());
        Path binary = dir.resolve("binary.hlk");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        files.add(binary.toString());
        Path trace = dir.resolve("trace.json");
        Files.writeString(trace, "{\"scenario\": \"" + dir.resolve("random.hlk") + "\", \"schedule\": [\"t\", 7], \"seed\": \"x\"}",
                StandardCharsets.UTF_8);
        files.add(trace.toString());
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "{\"scenario\": \"exa");
        files.add(truncated.toString());
        Path badEscape = dir.resolve("bad-escape.json");
        Files.writeString(badEscape, "{\"scenario\": \"\\u00\", \"schedule\": [\"t\"]}");
        files.add(badEscape.toString());
        Path hugeExit = dir.resolve("huge-exit.hlk");
        Files.writeString(hugeExit, "// expect-exit: 99999999999\nprint(1)\n");
        files.add(hugeExit.toString());
        files.add(dir.toString());
        files.add(dir.resolve("missing.hlk").toString());
        files.add("/dev/null");
        files.add("");
        return files;
    }

    private static final List<String> COMMANDS = List.of("run", "explore", "pct", "check", "replay", "bench", "-e", "--version",
            "--help", "runn", "", "help");
    private static final List<String> NUMERIC = List.of("--seed", "--runs", "--depth", "--jobs", "--timeout", "--time-limit",
            "--max-steps", "--max-executions", "--preemption-bound", "--workers", "--pct-first", "--statement-limit",
            "--max-call-depth", "--warmup", "--measure");
    private static final List<String> PATHS = List.of("--junit", "--sarif", "--json", "--graph", "--sequence", "--coverage");
    private static final List<String> FLAGS = List.of("--no-trace", "--no-gate-locks", "--lockdep-novalidate-device", "--progress",
            "--no-checks", "-h", "--bogus", "--strategy", "--cpusampler", "--engine.Bogus=1", "--log.level=OFF");
    private static final List<String> VALUES = List.of("0", "-1", "1", "2", "3", "9223372036854775807", "99999999999999999999",
            "x", "", "1e3", "0x10", "-0", "random", "round-robin");

    private String[] commandLine(Random random, List<String> files) {
        List<String> args = new ArrayList<>();
        args.add(COMMANDS.get(random.nextInt(COMMANDS.size())));
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    String option = NUMERIC.get(random.nextInt(NUMERIC.size()));
                    args.add(option);
                    // counts that are valid stay small: the fuzz looks for errors, not long runs
                    String value = VALUES.get(random.nextInt(VALUES.size()));
                    if (value.equals("9223372036854775807") && List.of("--runs", "--max-executions", "--max-steps", "--warmup",
                            "--measure", "--depth", "--pct-first", "--workers", "--jobs").contains(option)) {
                        value = "5";
                    }
                    args.add(value);
                }
                case 1 -> {
                    args.add(PATHS.get(random.nextInt(PATHS.size())));
                    args.add(random.nextBoolean() ? dir.resolve("out-" + random.nextInt(3) + (random.nextBoolean() ? ".svg" : ".xml")).toString()
                            : List.of("/proc/hotlock", "/dev/full", dir.toString(), "/nonexistent/dir/x.json", "").get(random.nextInt(5)));
                }
                case 2 -> args.add(FLAGS.get(random.nextInt(FLAGS.size())));
                default -> args.add(files.get(random.nextInt(files.size())));
            }
        }
        if (random.nextInt(3) > 0) {
            args.add(files.get(random.nextInt(files.size())));
        }
        // every search ends: the launcher's own bound for what the fuzz does not bound
        args.add("--time-limit");
        args.add("10");
        return args.toArray(String[]::new);
    }
}
