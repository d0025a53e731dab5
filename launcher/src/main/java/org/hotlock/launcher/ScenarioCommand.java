package org.hotlock.launcher;

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

    @Override
    public Integer call() {
        int worst = ExitCodes.SUCCESS;
        for (Path file : files) {
            worst = ExitCodes.worse(worst, main.runner().runScenario(file, mode(), options, null));
        }
        return worst;
    }
}
