package org.hotlock.launcher;

import picocli.CommandLine.Command;

/** {@code hotlock explore FILE...}: every interleaving of each scenario's threads that matters. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Explore the interleavings of each scenario's threads (optimal DPOR); stop at the first failure.")
final class ExploreCommand extends ScenarioCommand {
    @Override
    String mode() {
        return "explore";
    }
}
