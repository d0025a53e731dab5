package org.hotlock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

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
 * (`--time-limit`), so that a long run is the launcher's fault.
 */
class CommandLineFuzzTest {
    private static final Pattern JAVA_FRAME = Pattern.compile("(?m)^\\s+at [a-z][\\w.$]*\\(|Exception in thread|hotlock: internal error");

    @TempDir
    Path dir;

    @Test
    void everyCommandLineEndsInAnExitCodeAndAMessageNotAnInternalError() throws Exception {
        int inputs = Integer.getInteger("hotlock.clifuzz.inputs", 120);
        long seed = Long.getLong("hotlock.clifuzz.seed", 20261129L);
        Random random = new Random(seed);
        List<String> files = files();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        int refused = 0;
        try {
            for (int i = 0; i < inputs; i++) {
                String[] args = commandLine(random, files);
                Future<Cli> run = pool.submit(() -> Cli.run(args));
                Cli r;
                int input = i;
                try {
                    r = run.get(120, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    fail("seed " + seed + ", input " + input + ": no end within 120 s: hotlock " + String.join(" ", args));
                    return;
                }
                String printed = r.out() + r.err();
                assertTrue(r.exitCode() != ExitCodes.INTERNAL, () -> "seed " + seed + ", input " + input + ": internal error: hotlock "
                        + String.join(" ", args) + "\n" + printed);
                assertTrue(List.of(0, 1, 2, 4).contains(r.exitCode()), "exit " + r.exitCode() + ": hotlock " + String.join(" ", args));
                assertTrue(!JAVA_FRAME.matcher(printed).find(), () -> "seed " + seed + ", input " + input + ": a Java trace: hotlock "
                        + String.join(" ", args) + "\n" + printed);
                if (r.exitCode() == ExitCodes.USAGE) {
                    refused++;
                    assertTrue(printed.contains("hotlock") || printed.contains("Usage") || printed.contains("error:"),
                            () -> "a refused command line says why: hotlock " + String.join(" ", args) + "\n" + printed);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("cli fuzz: seed " + seed + ", " + inputs + " command lines, " + refused + " refused as usage errors, 0 internal errors");
    }

    /** Scenario and other files a command line may name. */
    private List<String> files() throws IOException {
        Path repo = Path.of(System.getProperty("hotlock.repo", ".."));
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
