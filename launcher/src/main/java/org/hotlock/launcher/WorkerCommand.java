package org.hotlock.launcher;

import com.hazelcast.core.HazelcastInstance;
import org.hotlock.launcher.cluster.BuildIdentity;
import org.hotlock.launcher.cluster.ClusterMember;
import org.hotlock.launcher.cluster.ClusterServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code hotlock worker --cluster HOST:PORT,...}: a member that serves the explorations of {@code explore --cluster}. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Serve the explorations of a cluster (hotlock explore --cluster) until stopped: this process becomes a "
                + "member on the first address of the list free here, and explores the subtrees searches hand over.")
final class WorkerCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Option(names = "--cluster", paramLabel = "HOST:PORT,...", required = true,
            description = "The members' addresses, as explore --cluster is given them.")
    String cluster;

    @Override
    public Integer call() {
        BuildIdentity identity = ClusterStart.identity();
        HazelcastInstance hz = ClusterStart.member("worker", cluster, identity, main.err());
        if (hz == null) {
            return ExitCodes.USAGE;
        }
        try {
            main.out().println("hotlock worker: member " + ClusterMember.name(hz.getCluster().getLocalMember()) + " of "
                    + hz.getCluster().getMembers().size() + ", " + identity + "; serving until stopped");
            main.out().flush();
            new ClusterServer(hz, identity, main.out()).run();
            return ExitCodes.SUCCESS;
        } finally {
            hz.shutdown();
        }
    }
}
