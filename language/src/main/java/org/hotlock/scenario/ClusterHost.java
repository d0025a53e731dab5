package org.hotlock.scenario;

/**
 * The cluster a context's explorations use (explore --cluster), registered by its host (see
 * {@link #register}) under the name the context's {@code hotlock.Cluster} option gives. In
 * the search's context it opens an exchange per exploration; in a serving member's context it
 * names the scenario to serve and gives that exploration's exchange once the context has
 * reached it.
 */
public interface ClusterHost {
    /** Makes the host known under a name, for contexts built with {@code hotlock.Cluster=name}. */
    static void register(String name, ClusterHost host) {
        ClusterHosts.HOSTS.put(name, host);
    }

    static void unregister(String name) {
        ClusterHosts.HOSTS.remove(name);
    }

    /** The host registered under the name, or null. */
    static ClusterHost named(String name) {
        return ClusterHosts.HOSTS.get(name);
    }

    /** An exploration of the scenario with this number begins here; its state's fingerprint. */
    SubtreeExchange begin(int scenario, String fingerprint);

    /** The exploration has ended (complete, failed or stopped): the members stop serving it. */
    void end(SubtreeExchange exchange);

    /** In a serving member's context: the number of the scenario it serves; -1 in a search's. */
    int servedScenario();

    /**
     * A serving member's context has reached the scenario, in this state: the exchange to serve,
     * or null when the state is not the search's (the host reports why).
     */
    SubtreeExchange serve(String fingerprint);
}
