package org.hotlock.launcher.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.hotlock.scenario.ClusterHost;
import org.hotlock.scenario.SubtreeExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A member that serves explorations ({@code hotlock worker --cluster}, or a test's member):
 * for each job published, it checks that it runs the same HotLock build and computes the same
 * scenario hash, runs the script in a context of its own (on its own engine) with the search's
 * options up to the scenario, checks that it reached the same state, and explores the subtrees
 * it claims until the search ends. A job it cannot serve is refused, with the reason, which the
 * search reports.
 */
public final class ClusterServer implements Runnable {
    static final String REFUSALS = "hotlock.refusals.";

    private final HazelcastInstance hz;
    private final BuildIdentity identity;
    private final PrintStream log;
    private final Set<String> handled = new HashSet<>();
    private volatile boolean stopped;
    private int served;
    private volatile int subtrees;
    private volatile Host current;

    public ClusterServer(HazelcastInstance hz, BuildIdentity identity, PrintStream log) {
        this.hz = hz;
        this.identity = identity;
        this.log = log;
    }

    /** Serves until {@link #stop()} or the member shuts down. */
    @Override
    public void run() {
        try (Engine engine = Engine.newBuilder("hotlock").out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false").build()) {
            IMap<String, byte[]> jobs = hz.getMap(HazelcastExchange.JOBS);
            while (!stopped && hz.getLifecycleService().isRunning()) {
                ExplorationJob job = nextJob(jobs);
                if (job == null) {
                    Thread.sleep(20);
                    continue;
                }
                serve(engine, job);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopped && hz.getLifecycleService().isRunning()) {
                throw e;
            }
            // the member shut down under it
        }
    }

    public void stop() {
        stopped = true;
    }

    /** Explorations served so far. */
    public int served() {
        return served;
    }

    /** Subtrees this member has explored for searches so far (whether or not the searches could use them). */
    public int subtreesExplored() {
        return subtrees;
    }

    /** Whether this member is exploring a subtree now. */
    public boolean exploring() {
        Host h = current;
        HazelcastExchange x = h == null ? null : h.exchange;
        return x != null && x.exploring();
    }

    private ExplorationJob nextJob(IMap<String, byte[]> jobs) {
        for (String id : jobs.keySet()) {
            if (handled.add(id)) {
                byte[] bytes = jobs.get(id);
                if (bytes == null) {
                    continue;
                }
                try {
                    return ExplorationJob.of(bytes);
                } catch (IOException e) {
                    refuse(id, "its job could not be read (" + e.getMessage() + ")");
                }
            }
        }
        return null;
    }

    private void serve(Engine engine, ExplorationJob job) {
        if (!identity.equals(job.identity())) {
            refuse(job.id(), "it runs " + identity + " where the search runs " + job.identity());
            return;
        }
        String hash = ExplorationJob.hash(identity, job.sources(), job.options());
        if (!hash.equals(job.scenarioHash())) {
            refuse(job.id(), "its scenario hash is " + hash + " where the search's is " + job.scenarioHash());
            return;
        }
        if (!searchIsHere(job)) {
            return;
        }
        String name = "hotlock-serve-" + UUID.randomUUID();
        Host host = new Host(job);
        current = host;
        ClusterHost.register(name, host);
        try (Context context = Context.newBuilder("hotlock").engine(engine).allowIO(IOAccess.ALL)
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .options(job.options()).option("hotlock.Cluster", name).build()) {
            log.println("hotlock worker: serving an exploration from " + memberName(job.from()) + " (scenario hash " + job.scenarioHash() + ")");
            for (ExplorationJob.Script s : job.sources()) {
                if (host.exchange != null || host.refused || stopped) {
                    break;
                }
                try {
                    context.eval(Source.newBuilder("hotlock", s.text(), s.name()).buildLiteral());
                } catch (PolyglotException e) {
                    if (host.exchange != null) {
                        break;   // it served and unwound
                    }
                    // the search's context met the same error in the same place, and went on
                }
            }
            if (host.exchange == null && !host.refused) {
                refuse(job.id(), "its run of the script did not reach the scenario");
            }
        } finally {
            current = null;
            ClusterHost.unregister(name);
            if (host.exchange != null) {
                host.exchange.close();
                served++;
                subtrees += host.exchange.claimed();
                log.println("hotlock worker: took " + host.exchange.claimed() + " subtree" + (host.exchange.claimed() == 1 ? "" : "s")
                        + " of the exploration from " + memberName(job.from()));
            }
        }
    }

    /** Whether the member that published the job is still in the cluster (else the job is over). */
    private boolean searchIsHere(ExplorationJob job) {
        for (Member m : hz.getCluster().getMembers()) {
            if (m.getUuid().toString().equals(job.from())) {
                return true;
            }
        }
        return false;
    }

    private String memberName(String uuid) {
        for (Member m : hz.getCluster().getMembers()) {
            if (m.getUuid().toString().equals(uuid)) {
                return ClusterMember.name(m);
            }
        }
        return uuid;
    }

    private void refuse(String job, String why) {
        String self = ClusterMember.name(hz.getCluster().getLocalMember());
        log.println("hotlock worker: " + self + " refused an exploration: " + why);
        hz.<String, String>getMap(REFUSALS + job).set(self, "refused: " + why);
    }

    /** This member's host for the job's context: it serves the job's scenario, if the state there is the search's. */
    private final class Host implements ClusterHost {
        private final ExplorationJob job;
        volatile HazelcastExchange exchange;
        volatile boolean refused;

        Host(ExplorationJob job) {
            this.job = job;
        }

        @Override
        public SubtreeExchange begin(int scenario, String fingerprint) {
            return null;   // a serving member's context only serves (it reaches no search of its own)
        }

        @Override
        public void end(SubtreeExchange exchange) {
        }

        @Override
        public int servedScenario() {
            return job.scenario();
        }

        @Override
        public SubtreeExchange serve(String fingerprint) {
            if (!fingerprint.equals(job.fingerprint())) {
                refused = true;
                refuse(job.id(), "its run of the script reached another state (" + fingerprint + " where the search has "
                        + job.fingerprint() + ")");
                return null;
            }
            exchange = new HazelcastExchange(hz, job.id(), job.from());
            return exchange;
        }
    }
}
