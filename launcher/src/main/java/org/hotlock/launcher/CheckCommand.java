package org.hotlock.launcher;

import org.graalvm.polyglot.Engine;
import org.hotlock.launcher.progress.ProgressLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code hotlock check PATH...}: every scenario under the paths, each against its own
 * expectations (its {@code expect} statements, and the exit code its header states with
 * {@code // expect-exit: N}, 0 by default), in parallel with {@code --jobs}; a summary line;
 * JUnit XML, SARIF and JSON reports; a lock graph picture per scenario (SVG, or DOT).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check every .hlk scenario under the paths against its expectations; exit 0 only when all pass.")
public final class CheckCommand implements Callable<Integer> {
    private static final Pattern EXPECT_EXIT = Pattern.compile("^\\s*//\\s*expect-exit:\\s*(\\d+)\\s*$", Pattern.MULTILINE);

    @ParentCommand
    Main main;
    @Mixin
    ScenarioOptions options = new ScenarioOptions();
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Scenario files or directories (searched for .hlk files).")
    List<Path> paths;
    @Option(names = "--jobs", paramLabel = "N", converter = ScenarioOptions.AtLeastOne.class, description = "Scenarios to check at once (default: ${DEFAULT-VALUE}).")
    int jobs = 1;
    @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report.")
    Path junit;
    @Option(names = "--sarif", paramLabel = "FILE", description = "Write a SARIF 2.1.0 report.")
    Path sarif;
    @Option(names = "--json", paramLabel = "FILE", description = "Write every finding and failing schedule as JSON.")
    Path json;
    @Option(names = "--sequence", paramLabel = "FILE.svg", converter = SvgFile.class, description = "Draw the first failing interleaving as a sequence picture (SVG).")
    Path sequence;
    @Option(names = "--graph", paramLabel = "DIR|FILE.svg|FILE.dot",
            description = "Draw each scenario's lock dependency graph: DIR/NAME.svg and DIR/NAME.dot per scenario; for one scenario, FILE.svg (a picture) or FILE.dot (Graphviz DOT).")
    Path graph;

    /** The sequence picture is SVG. */
    static final class SvgFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (!value.endsWith(".svg")) {
                throw new TypeConversionException("'" + value + "': the sequence picture is written as SVG, to a file named FILE.svg");
            }
            return Path.of(value);
        }
    }

    /** On a terminal: the line the running scenarios' searches show their progress on; null in a log. */
    private volatile ProgressLine progressLine;
    private final java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
    private int total;

    /** Each scenario's path under the PATH it was found in: what its lock graph picture is named after. */
    private final java.util.Map<Path, Path> names = new java.util.HashMap<>();

    static String reproduce(CheckResult r) {
        return "bin/hotlock run --seed " + r.seed + " " + r.file;
    }

    @Override
    public Integer call() throws Exception {
        // a report that cannot be written is known now, not after the scenarios ran
        for (String[] report : new String[][]{{"--junit", str(junit)}, {"--sarif", str(sarif)}, {"--json", str(json)},
                {"--sequence", str(sequence)}}) {
            String problem = report[1] == null ? null : ReportPaths.problem(Path.of(report[1]));
            if (problem != null) {
                main.err().println("hotlock: " + report[0] + " " + report[1] + ": " + problem);
                return ExitCodes.USAGE;
            }
        }
        if (options.coverage != null) {
            String problem = main.contexts().recordKernelCoverage(options.coverage);
            if (problem != null) {
                main.err().println("hotlock: --coverage " + options.coverage + ": " + problem);
                return ExitCodes.USAGE;
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                main.err().println("hotlock: " + p + ": no such file or directory");
                return ExitCodes.USAGE;
            }
            Path root = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(f -> f.toString().endsWith(".hlk") && Files.isRegularFile(f)).sorted().forEach(f -> {
                    files.add(f);
                    names.putIfAbsent(f, root.toAbsolutePath().relativize(f.toAbsolutePath()));
                });
            }
        }
        if (files.isEmpty()) {
            main.err().println("hotlock: no .hlk scenarios under " + paths);
            return ExitCodes.USAGE;
        }
        String graphProblem = graph == null ? null : LockGraphFiles.problem(graph, files.size());
        if (graphProblem != null) {
            main.err().println("hotlock: --graph " + graph + ": " + graphProblem);
            return ExitCodes.USAGE;
        }
        long start = System.nanoTime();
        List<CheckResult> results = new ArrayList<>();
        total = files.size();
        try (Engine engine = main.contexts().sharedEngine(); ProgressLine line = options.progress ? null : ProgressLine.onTerminal()) {
            progressLine = line;
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
            try {
                List<Future<CheckResult>> futures = new ArrayList<>();
                for (Path f : files) {
                    futures.add(pool.submit(() -> check(f, engine)));
                }
                for (Future<CheckResult> f : futures) {
                    CheckResult r = f.get();
                    results.add(r);
                    if (line != null) {
                        line.clear();
                    }
                    print(r);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        long passed = count(results, CheckResult.Status.PASSED);
        long failed = count(results, CheckResult.Status.FAILED);
        long inconclusive = count(results, CheckResult.Status.INCONCLUSIVE);
        boolean written = writeReports(results);
        main.out().printf("%n%d scenarios in %.1f s, seed %d%n", results.size(), (System.nanoTime() - start) / 1e9, options.seed);
        main.out().printf("%d passed, %d failed, %d inconclusive%n", passed, failed, inconclusive);
        boolean syntax = results.stream().anyMatch(r -> r.status() == CheckResult.Status.FAILED && r.exitCode == ExitCodes.USAGE);
        return !written ? ExitCodes.USAGE : failed > 0 ? (syntax ? ExitCodes.USAGE : ExitCodes.SCRIPT_FAILURE)
                : inconclusive > 0 ? ExitCodes.INCONCLUSIVE : ExitCodes.SUCCESS;
    }

    private static String str(Path p) {
        return p == null ? null : p.toString();
    }

    private static long count(List<CheckResult> results, CheckResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    private CheckResult check(Path file, Engine engine) throws IOException {
        String text;
        try {
            text = ScriptFiles.read(file);
        } catch (IOException e) {
            text = "";   // the run below reads it again and reports why it cannot, as run would
        }
        Matcher m = EXPECT_EXIT.matcher(text);
        int expectedExit = 0;
        String badExpectation = null;
        if (m.find()) {
            try {
                expectedExit = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                expectedExit = -1;
            }
            if (expectedExit < 0 || expectedExit > 255) {
                badExpectation = "hotlock: " + file + ": // expect-exit: " + m.group(1) + " is not an exit code (0 to 255)";
                expectedExit = -1;   // no run exits so: the check fails and says why
            }
        }
        CheckResult r = new CheckResult(file, expectedExit);
        r.name = names.get(file);
        r.seed = options.seed;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        SourceRunner runner = new SourceRunner(main.contexts().onEngine(engine, out), out, out);
        ProgressLine line = progressLine;
        if (line != null) {
            // a search's progress, with how many scenarios are done: one line for all the jobs
            runner = runner.withProgress(p -> line.update("check " + finished.get() + "/" + total + " " + file.getFileName(), p));
        }
        ScenarioOptions o = options.copyFor(file).sharing(jobs);
        if (badExpectation != null) {
            out.println(badExpectation);
        }
        long t0 = System.nanoTime();
        r.exitCode = runner.runScenario(file, "run", o, null, r::collect);
        r.seconds = (System.nanoTime() - t0) / 1e9;
        finished.incrementAndGet();
        r.output = bytes.toString(StandardCharsets.UTF_8);
        return r;
    }

    private void print(CheckResult r) {
        PrintStream out = main.out();
        if (r.passed()) {
            out.printf("PASS  %s  (%.2f s)%n", r.file, r.seconds);
        } else if (r.status() == CheckResult.Status.INCONCLUSIVE) {
            // what could not be settled, not the whole output: nothing failed
            out.printf("INCONCLUSIVE  %s  (%.2f s): %s%n", r.file, r.seconds, Reports.inconclusiveMessage(r));
            for (String message : r.inconclusive) {
                for (String line : message.split("\n")) {
                    out.println("      " + line);
                }
            }
        } else {
            out.printf("FAIL  %s  (%.2f s): %s%n", r.file, r.seconds, Reports.failureMessage(r));
            for (String line : r.output.split("\n")) {
                out.println("      " + line);
            }
        }
    }

    /** Writes every report asked for; false (after saying which and why) when one could not be written. */
    private boolean writeReports(List<CheckResult> results) throws InterruptedException {
        boolean written = true;
        if (json != null) {
            written &= write("--json", json, () -> Reports.json(results));
        }
        if (junit != null) {
            written &= write("--junit", junit, () -> JUnitReport.write(results));
        }
        if (sarif != null) {
            written &= write("--sarif", sarif, () -> new SarifReport(SarifReport.sourceRoot(), SarifReport.modelsUri())
                    .write(results, VersionProvider.hotlockVersion()));
        }
        if (sequence != null) {
            for (CheckResult r : results) {
                if (r.report != null && r.report.get("failure") != null) {
                    if (write("--sequence", sequence, () -> Reports.sequenceSvg(r))) {
                        main.out().println("failing interleaving: " + sequence + " (" + r.file + ")");
                    } else {
                        written = false;
                    }
                    break;
                }
            }
        }
        if (graph != null) {
            java.util.Map<Path, String> pictures = LockGraphFiles.files(graph, results);
            for (java.util.Map.Entry<Path, String> p : pictures.entrySet()) {
                written &= write("--graph", p.getKey(), p::getValue);
            }
            main.out().println(pictures.isEmpty() ? "lock graph: no scenario took a lock while holding another: nothing drawn"
                    : LockGraphFiles.isFile(graph) ? "lock graph: " + graph
                    : "lock graphs: " + graph + " (" + pictures.size() / 2 + " scenarios, NAME.svg and NAME.dot each)");
        }
        return written;
    }

    /** A report's text, made only when it is written. */
    private interface ReportText {
        String make() throws IOException;
    }

    private boolean write(String option, Path file, ReportText text) {
        try {
            ReportPaths.write(file, text.make());
            return true;
        } catch (IOException e) {
            main.err().println("hotlock: " + option + " " + file + ": cannot write the report: " + AtomicFiles.reason(e));
            return false;
        }
    }
}
