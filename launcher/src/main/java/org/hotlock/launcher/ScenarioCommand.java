package org.hotlock.launcher;

import org.hotlock.launcher.progress.ProgressLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Base of the scenario subcommands: each FILE in turn; the worst exit code wins. */
abstract class ScenarioCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Mixin
    ScenarioOptions options = new ScenarioOptions();
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.hlk).")
    List<Path> files;

    abstract String mode();

    /** Options of the shared mixin this mode has no use for (Main removes them from its command line). */
    List<String> optionsThatDoNotApply() {
        return List.of();
    }

    /** A search on the interpreter longer than this gets a note that the JIT would be faster (tests lower it). */
    static long longSearchNanos = 30_000_000_000L;

    @Override
    public Integer call() {
        if (options.coverage != null) {
            String problem = main.contexts().recordKernelCoverage(options.coverage);
            if (problem != null) {
                main.err().println("hotlock: --coverage " + options.coverage + ": " + problem);
                return ExitCodes.USAGE;
            }
        }
        long start = System.nanoTime();
        int worst = ExitCodes.SUCCESS;
        // on a terminal a search's progress is one line rewritten in place; in a log, none
        try (ProgressLine line = options.progress ? null : ProgressLine.onTerminal()) {
            SourceRunner runner = line == null ? main.runner() : main.runner().withProgress(p -> line.update("", p));
            for (Path file : files) {
                worst = ExitCodes.worse(worst, runner.runScenario(file, mode(), options, null));
            }
        }
        long took = System.nanoTime() - start;
        if (!mode().equals("run") && took > longSearchNanos && Contexts.runtimeName().equals("Interpreted")) {
            // the interpreter is the default because most searches take a second or two; a
            // long one pays the JIT's warm-up back (BENCHMARKS.md, K = 8 writers: 84 s against 60 s)
            main.err().printf("hotlock: note: this search took %d s on the interpreter; long searches run up to about 1.4x faster "
                    + "with the JIT: bin/hotlock --jit %s ...%n", took / 1_000_000_000L, mode());
        }
        return worst;
    }
}
