package org.hotlock.launcher;

import com.hazelcast.core.HazelcastInstance;
import org.hotlock.launcher.cluster.BuildIdentity;
import org.hotlock.launcher.cluster.ClusterAddresses;
import org.hotlock.launcher.cluster.ClusterMember;

import java.io.IOException;
import java.io.PrintStream;

/** What explore --cluster and worker --cluster do first: this process's member of the cluster, or a clear error. */
final class ClusterStart {
    private ClusterStart() {
    }

    /** This HotLock: its version and the hash of its build. */
    static BuildIdentity identity() {
        try {
            return BuildIdentity.of(VersionProvider.hotlockVersion());
        } catch (IOException e) {
            return BuildIdentity.of("unknown");
        }
    }

    /** The member, started on the list's first address free here; null after saying why there is none. */
    static HazelcastInstance member(String command, String list, BuildIdentity identity, PrintStream err) {
        try {
            return ClusterMember.start(ClusterAddresses.parse(list), identity);
        } catch (ClusterAddresses.Malformed e) {
            err.println("hotlock: " + command + " --cluster " + list + ": " + e.getMessage());
        } catch (ClusterMember.CannotStart e) {
            err.println("hotlock: " + command + " --cluster " + list + ": this process cannot be a member: " + e.getMessage());
        }
        return null;
    }
}
