package org.hotlock.launcher;

import org.graalvm.polyglot.Engine;
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
 * JUnit XML, SARIF and JSON reports; the lock graph as DOT (and SVG where Graphviz is).
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
    @Option(names = "--graph", paramLabel = "FILE.dot", converter = DotFile.class,
            description = "Write the lock dependency graph in Graphviz DOT (FILE.dot or FILE.gv; and FILE.svg where Graphviz is installed).")
    Path graph;

    /** The lock graph is DOT text: a name that promises another format would lie about the file. */
    static final class DotFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (!value.endsWith(".dot") && !value.endsWith(".gv")) {
                throw new TypeConversionException("'" + value + "': the lock graph is written as Graphviz DOT, to a file named FILE.dot or FILE.gv"
                        + " (an SVG is rendered beside it where Graphviz is installed)");
            }
            return Path.of(value);
        }
    }

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

    static String reproduce(CheckResult r) {
        return "bin/hotlock run --seed " + r.seed + " " + r.file;
    }

    @Override
    public Integer call() throws Exception {
        // a report that cannot be written is known now, not after the scenarios ran
        for (String[] report : new String[][]{{"--junit", str(junit)}, {"--sarif", str(sarif)}, {"--json", str(json)},
                {"--sequence", str(sequence)}, {"--graph", str(graph)}}) {
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
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(f -> f.toString().endsWith(".hlk") && Files.isRegularFile(f)).sorted().forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            main.err().println("hotlock: no .hlk scenarios under " + paths);
            return ExitCodes.USAGE;
        }
        long start = System.nanoTime();
        List<CheckResult> results = new ArrayList<>();
        try (Engine engine = main.contexts().sharedEngine()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
            try {
                List<Future<CheckResult>> futures = new ArrayList<>();
                for (Path f : files) {
                    futures.add(pool.submit(() -> check(f, engine)));
                }
                for (Future<CheckResult> f : futures) {
                    CheckResult r = f.get();
                    results.add(r);
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
        r.seed = options.seed;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        SourceRunner runner = new SourceRunner(main.contexts().onEngine(engine, out), out, out);
        ScenarioOptions o = options.copyFor(file).sharing(jobs);
        if (badExpectation != null) {
            out.println(badExpectation);
        }
        long t0 = System.nanoTime();
        r.exitCode = runner.runScenario(file, "run", o, null, r::collect);
        r.seconds = (System.nanoTime() - t0) / 1e9;
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
            if (!write("--graph", graph, () -> Reports.dot(results))) {
                return false;
            }
            drawGraph();
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
            main.err().println("hotlock: " + option + " " + file + ": cannot write the report: " + ReportPaths.reason(e));
            return false;
        }
    }

    private void drawGraph() throws InterruptedException {
        Path svg = Path.of(graph.toString().replaceFirst("\\.(dot|gv)$", "") + ".svg");
        try {
            Process p = new ProcessBuilder("dot", "-Tsvg", graph.toString(), "-o", svg.toString()).redirectErrorStream(true).start();
            if (p.waitFor() == 0) {
                main.out().println("lock graph: " + graph + " and " + svg);
                return;
            }
        } catch (IOException e) {
            // Graphviz is not installed: the .dot file is the picture's source
        }
        main.out().println("lock graph: " + graph + " (install Graphviz for an SVG: dot -Tsvg " + graph + ")");
    }
}
