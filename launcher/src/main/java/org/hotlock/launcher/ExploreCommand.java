package org.hotlock.launcher;

import com.hazelcast.core.HazelcastInstance;
import org.hotlock.launcher.cluster.BuildIdentity;
import org.hotlock.launcher.cluster.ClusterSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;

/** {@code hotlock explore FILE...}: every interleaving of each scenario's threads that matters. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Explore the interleavings of each scenario's threads (optimal DPOR); stop at the first failure.")
final class ExploreCommand extends ScenarioCommand {
    @Option(names = "--cluster", paramLabel = "HOST:PORT,...",
            description = "Explore on a cluster: this process becomes a member on the first address of the list free here and "
                    + "joins the others (hotlock worker --cluster with the same list); each member explores subtrees in its own "
                    + "context; the same report as alone.")
    String cluster;
    @Option(names = "--join-timeout", paramLabel = "SECONDS", converter = ScenarioOptions.AtLeastZero.class,
            description = "How long --cluster waits for another member to join before it fails (default: ${DEFAULT-VALUE}).")
    long joinTimeout = 10;

    /** Further options of the scenario contexts of a cluster exploration (tests: hotlock.WorkersAfter below 0). */
    static Map<String, String> clusterOptions = Map.of();

    @Override
    String mode() {
        return "explore";
    }

    @Override
    public Integer call() {
        if (cluster == null) {
            return super.call();   // nothing of the cluster is loaded
        }
        BuildIdentity identity = ClusterStart.identity();
        HazelcastInstance hz = ClusterStart.member("explore", cluster, identity, main.err());
        if (hz == null) {
            return ExitCodes.USAGE;
        }
        boolean eager = clusterOptions.containsKey("hotlock.WorkersAfter") && Long.parseLong(clusterOptions.get("hotlock.WorkersAfter")) < 0;
        try (ClusterSearch search = new ClusterSearch(hz, identity, main.err(), eager ? 60_000 : 0)) {
            if (!search.awaitMembers(2, joinTimeout * 1000)) {
                main.err().println("hotlock: explore --cluster " + cluster + ": no other member joined within " + joinTimeout
                        + " s (is one running? start one with: hotlock worker --cluster " + cluster + ")");
                return ExitCodes.USAGE;
            }
            main.contexts().useCluster(search, clusterOptions);
            return super.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERNAL;
        } finally {
            main.contexts().useCluster(null, Map.of());
            hz.shutdown();
        }
    }
}
