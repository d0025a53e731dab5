package org.hotlock.launcher.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.hotlock.scenario.ClusterHost;
import org.hotlock.scenario.SubtreeExchange;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The cluster host of {@code hotlock explore --cluster}: each exploration of the command's
 * scenarios is published as a job (the script and options, so that the serving members run the
 * same; see {@link ClusterServer}) and its subtrees go through a {@link HazelcastExchange}.
 * Members that refused the job (another HotLock build, another scenario hash or state) are
 * reported when it ends; the search's result never depends on who took part.
 */
public final class ClusterSearch implements ClusterHost, AutoCloseable {
    private final HazelcastInstance hz;
    private final BuildIdentity identity;
    private final PrintStream err;
    private final String name = "hotlock-search-" + UUID.randomUUID();
    private final long eagerWaitMillis;
    private List<ExplorationJob.Script> sources = List.of();
    private Map<String, String> options = Map.of();
    private final Map<SubtreeExchange, String> jobs = new LinkedHashMap<>();

    /**
     * @param eagerWaitMillis for tests (hotlock.WorkersAfter below 0): how long an exploration
     *                        waits for every member to be ready before it begins
     */
    public ClusterSearch(HazelcastInstance hz, BuildIdentity identity, PrintStream err, long eagerWaitMillis) {
        this.hz = hz;
        this.identity = identity;
        this.err = err;
        this.eagerWaitMillis = eagerWaitMillis;
        ClusterHost.register(name, this);
    }

    /** The name contexts find this host under ({@code hotlock.Cluster}). */
    public String name() {
        return name;
    }

    /** The script the next explorations run (its sources in order) and the options its context has. */
    public void script(Map<String, String> sourcesInOrder, Map<String, String> contextOptions) {
        List<ExplorationJob.Script> list = new ArrayList<>();
        sourcesInOrder.forEach((n, text) -> list.add(new ExplorationJob.Script(n, text)));
        this.sources = List.copyOf(list);
        Map<String, String> o = new LinkedHashMap<>(contextOptions);
        // what only the search's own context does: save a trace, show progress, name this host
        o.keySet().removeAll(List.of("hotlock.TraceFile", "hotlock.Progress", "hotlock.Cluster", "hotlock.Replay", "hotlock.ReplaySteps", "hotlock.ReplayScenario"));
        this.options = Map.copyOf(o);
    }

    /** Waits until at least {@code members} members are in the cluster; false when the time runs out first. */
    public boolean awaitMembers(int members, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (hz.getCluster().getMembers().size() < members) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public SubtreeExchange begin(int scenario, String fingerprint) {
        String id = UUID.randomUUID().toString();
        Member self = hz.getCluster().getLocalMember();
        ExplorationJob job = new ExplorationJob(id, self.getUuid().toString(), identity, sources, options, scenario, fingerprint,
                ExplorationJob.hash(identity, sources, options));
        HazelcastExchange exchange = new HazelcastExchange(hz, id, null);
        hz.<String, byte[]>getMap(HazelcastExchange.JOBS).set(id, job.bytes());
        jobs.put(exchange, id);
        if (eagerWaitMillis > 0) {
            awaitReady(id);
        }
        return exchange;
    }

    /** For tests: until every other member serves the job or refused it. */
    private void awaitReady(String job) {
        IMap<String, Integer> idle = hz.getMap("hotlock.idle." + job);
        IMap<String, String> refusals = hz.getMap(ClusterServer.REFUSALS + job);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(eagerWaitMillis);
        while (System.nanoTime() < end) {
            int others = hz.getCluster().getMembers().size() - 1;
            int answered = 0;
            for (Member m : hz.getCluster().getMembers()) {
                if (!m.localMember() && (idle.containsKey(m.getUuid().toString()) || refusals.containsKey(ClusterMember.name(m)))) {
                    answered++;
                }
            }
            if (answered >= others) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void end(SubtreeExchange exchange) {
        String id = jobs.remove(exchange);
        hz.<String, byte[]>getMap(HazelcastExchange.JOBS).delete(id);
        IMap<String, String> refusals = hz.getMap(ClusterServer.REFUSALS + id);
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            err.println("hotlock: explore --cluster: member " + r.getKey() + " did not take part: " + r.getValue());
        }
        refusals.destroy();
        ((HazelcastExchange) exchange).destroy();
    }

    @Override
    public int servedScenario() {
        return -1;
    }

    @Override
    public SubtreeExchange serve(String fingerprint) {
        return null;
    }

    @Override
    public void close() {
        ClusterHost.unregister(name);
    }
}
