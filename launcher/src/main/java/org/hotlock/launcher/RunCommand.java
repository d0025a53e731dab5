package org.hotlock.launcher;

import picocli.CommandLine.Command;

import java.util.List;

/** {@code hotlock run FILE...}: runs each scenario in a fresh kernel, threads under one schedule. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run scenario files, each in a fresh simulated kernel; declared threads run under one seeded schedule.")
final class RunCommand extends ScenarioCommand {
    @Override
    String mode() {
        return "run";
    }

    /** PCT's settings: run runs one schedule (a file's own pct { } or an exploration's PCT-first runs use the defaults). */
    @Override
    List<String> optionsThatDoNotApply() {
        return List.of("--runs", "--depth", "--pct-first");
    }
}
