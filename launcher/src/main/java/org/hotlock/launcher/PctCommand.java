package org.hotlock.launcher;

import picocli.CommandLine.Command;

/** {@code hotlock pct FILE...}: seeded probabilistic schedules, for scenarios too big to explore. */
@Command(name = "pct", mixinStandardHelpOptions = true,
        description = "Probabilistic concurrency testing: --runs seeded runs at bug depth --depth.")
final class PctCommand extends ScenarioCommand {
    @Override
    String mode() {
        return "pct";
    }
}
