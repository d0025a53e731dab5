package org.hotlock.launcher.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cluster.Member;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts this process's embedded Hazelcast member of a HotLock cluster: on the first address of
 * the list that it can bind here, joining the others over TCP-IP (no multicast, no phone-home,
 * no logging), the member's HotLock build as an attribute. Member loss is noticed within
 * seconds (heartbeats every second, a member silent for five is gone).
 */
public final class ClusterMember {
    /** The attribute that says which HotLock a member runs (see {@link BuildIdentity}). */
    static final String BUILD = "hotlock.build";

    /** Thrown when no listed address can be bound here: the message says what was tried. */
    public static final class CannotStart extends Exception {
        private static final long serialVersionUID = 1L;

        CannotStart(String message) {
            super(message);
        }
    }

    private ClusterMember() {
    }

    public static HazelcastInstance start(ClusterAddresses addresses, BuildIdentity identity) throws CannotStart {
        // quiet from the first line: Hazelcast reads this before any configuration
        System.setProperty("hazelcast.logging.type", "none");
        List<String> tried = new ArrayList<>();
        for (ClusterAddresses.Address a : addresses.members()) {
            try {
                return Hazelcast.newHazelcastInstance(config(addresses, a, identity));
            } catch (RuntimeException e) {
                tried.add(a + " (" + firstLine(e) + ")");
            }
        }
        throw new CannotStart("no address of the list could be bound on this machine: " + String.join(", ", tried)
                + "; every address is taken by a member already, or belongs to another machine");
    }

    private static Config config(ClusterAddresses addresses, ClusterAddresses.Address self, BuildIdentity identity) {
        Config config = new Config();
        config.setClusterName("hotlock");
        config.setInstanceName("hotlock-" + self.host() + "-" + self.port());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.health.monitoring.level", "OFF");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.join.seconds", "3");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        config.getMemberAttributeConfig().setAttribute(BUILD, identity.version() + " " + identity.build());
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(self.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(self.host());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        for (ClusterAddresses.Address a : addresses.members()) {
            join.getTcpIpConfig().addMember(a.toString());
        }
        return config;
    }

    /** A member as messages name it: its address. */
    public static String name(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
