package org.hotlock.scenario;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The cluster hosts registered in this process, by name (see {@link ClusterHost#register}). */
final class ClusterHosts {
    static final Map<String, ClusterHost> HOSTS = new ConcurrentHashMap<>();

    private ClusterHosts() {
    }
}
