package org.hotlock.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import org.hotlock.check.CheckRecord;
import org.hotlock.check.Checks;
import org.hotlock.sched.Delegation;
import org.hotlock.sched.OptimalExplorer;
import org.hotlock.sched.PortableSubtrees;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One exploration's subtrees on a cluster (explore --cluster), in one member: the search (in
 * the member that runs the command) or a serving member hands subtrees over through the
 * {@link SubtreeExchange} as {@link ExplorationWorkers} does between contexts of one engine,
 * and takes their explorations, in its own depth-first order, as if it had explored them. A
 * subtree nobody has started when the search comes to it is taken back and explored there; one
 * whose member left goes back to waiting (the exchange sees to it). So the executions, the
 * findings and their order are those of one search. A member that waits for an exploration
 * explores other subtrees meanwhile.
 */
final class ClusterWorkers {
    private final Checks checks;
    private final SubtreeExchange exchange;
    private final long deadline;
    /**
     * For tests (WorkersAfter below 0): no subtree is taken back, and the search does not claim
     * subtrees while it waits for one: every one handed over is explored by a serving member,
     * so that what the members explore is the same in every run.
     */
    private final boolean eager;
    private long ran;
    /** Why members could not explore subtrees they claimed (the search explored those itself). */
    private final Set<String> problems = new LinkedHashSet<>();

    ClusterWorkers(Checks checks, SubtreeExchange exchange, long deadline, boolean eager) {
        this.checks = checks;
        this.exchange = exchange;
        this.deadline = deadline;
        this.eager = eager;
    }

    /**
     * One search's view of the cluster. {@code own}: the subtree this search explores for another
     * (null for the exploration's own search), given up when the exchange says so.
     */
    private final class Link implements Delegation {
        private final ExplorationWorkers.Station station;
        private final Consumer<OptimalExplorer.Explored> sink;
        private final Supplier<Set<String>> inCycles;
        private final OptimalExplorer.Subtree own;
        private final long ownTicket;
        private int handedOver;

        Link(ExplorationWorkers.Station station, Consumer<OptimalExplorer.Explored> sink, Supplier<Set<String>> inCycles,
             OptimalExplorer.Subtree own, long ownTicket) {
            this.station = station;
            this.sink = sink;
            this.inCycles = inCycles;
            this.own = own;
            this.ownTicket = ownTicket;
        }

        @Override
        public boolean wanted() {
            if (own != null && !own.cancelled() && exchange.cancelled(ownTicket)) {
                own.cancel();
            }
            // (tests: the exploration's own search hands its first subtree over at once, however
            // short it is, so that even a small scenario's goes through the exchange)
            return exchange.wanted() || eager && own == null && handedOver == 0;
        }

        @Override
        public void delegate(OptimalExplorer.Subtree subtree) {
            byte[] bytes = subtreeBytes(subtree, inCycles.get());
            handedOver++;
            // one that cannot travel stays here: nobody starts it, the search explores it itself
            subtree.attach(bytes == null ? null : exchange.offer(bytes));
        }

        @Override
        public OptimalExplorer.Explored take(OptimalExplorer.Subtree subtree) {
            return ClusterWorkers.this.take(subtree, station);
        }

        @Override
        public void accept(OptimalExplorer.Explored explored) {
            sink.accept(explored);
        }
    }

    /** The exploration's own search: what it takes goes into the context's checks. */
    Delegation searchLink(ExplorationWorkers.Station station) {
        return new Link(station, x -> {
            ((CheckRecord) x.checks()).applyTo(checks);
            ran += x.executions();
        }, () -> checks.lockGraph().inCycles(), null, 0);
    }

    /** Executions run in subtrees other members explored, that the search took. */
    long ran() {
        return ran;
    }

    /** Why members could not explore subtrees they had claimed, if any could not. */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * The exploration of a subtree handed over, for the search that now comes to it: null when
     * nobody has started it (nobody will), else once it is done.
     */
    @TruffleBoundary
    private OptimalExplorer.Explored take(OptimalExplorer.Subtree subtree, ExplorationWorkers.Station station) {
        if (!(subtree.attachment() instanceof Long ticket)) {
            return null;
        }
        if (!eager && exchange.takeBack(ticket)) {
            return null;
        }
        long polls = 0;
        exchange.idle(true);
        try {
            while (true) {
                byte[] result = exchange.result(ticket);
                if (result != null) {
                    return explored(result);   // null when the member could not: the search explores it
                }
                if (subtree.cancelled() || station.context().limits().stopRequested()) {
                    exchange.cancel(ticket);
                    return null;
                }
                if (!eager && exchange.takeBack(ticket)) {
                    return null;   // it went back to waiting: the member exploring it left
                }
                SubtreeExchange.Claimed other = eager ? null : exchange.claim();
                if (other != null) {
                    exchange.idle(false);
                    try {
                        explore(other, station);
                    } finally {
                        exchange.idle(true);
                    }
                    continue;
                }
                polls++;
                TruffleSafepoint.poll(null);
                LockSupport.parkNanos(polls < 2_000 ? 100_000 : 1_000_000);
            }
        } finally {
            exchange.idle(false);
        }
    }

    /**
     * Serves the exploration from a member's context, which has reached the scenario: explores
     * the subtrees it claims, from the scenario's initial state, until the search ends.
     */
    @TruffleBoundary
    void serve(ExplorationWorkers.Station station) {
        long polls = 0;
        exchange.idle(true);
        try {
            while (!exchange.ended()) {
                SubtreeExchange.Claimed claimed = exchange.claim();
                if (claimed == null) {
                    polls++;
                    TruffleSafepoint.poll(null);
                    LockSupport.parkNanos(polls < 2_000 ? 100_000 : 1_000_000);
                    continue;
                }
                polls = 0;
                exchange.idle(false);
                try {
                    explore(claimed, station);
                } finally {
                    exchange.idle(true);
                }
            }
        } finally {
            exchange.idle(false);
        }
    }

    /** Explores a claimed subtree on this thread, in its station's context, and hands the result back. */
    private void explore(SubtreeExchange.Claimed claimed, ExplorationWorkers.Station station) {
        Checks stationChecks = station.context().checks();
        CheckRecord outer = stationChecks.recording();
        byte[] result = null;
        String failure = FAILED;
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(claimed.subtree()));
            Set<String> inCycles = readStrings(in);
            OptimalExplorer.Subtree subtree = PortableSubtrees.readSubtree(in);
            OptimalExplorer search = new OptimalExplorer(subtree);
            CheckRecord record = CheckRecord.forAnotherProcess(inCycles);
            stationChecks.recordInto(record);
            search.delegate(new Link(station, x -> record.merge((CheckRecord) x.checks()), Set::of, subtree, claimed.ticket()));
            search.explore(() -> station.run(search, deadline), Long.MAX_VALUE, null);
            result = resultBytes(search.explored(), record);
        } catch (IOException | RuntimeException e) {
            // it could not be read, or this member's run of it went wrong: the search that
            // handed it over explores it itself (and meets the same error, if it is one), and
            // says why the member could not
            result = null;
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            stationChecks.recordInto(outer);
            exchange.complete(claimed.ticket(), result == null ? failedBytes(failure) : result);
        }
    }

    private static byte[] subtreeBytes(OptimalExplorer.Subtree subtree, Set<String> inCycles) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            writeStrings(out, inCycles);
            PortableSubtrees.write(out, subtree);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] resultBytes(OptimalExplorer.Explored explored, CheckRecord record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeBoolean(true);
        PortableSubtrees.write(out, explored);
        record.writeTo(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** Why a member handed a subtree back, when its error said nothing. */
    private static final String FAILED = "its exploration of the subtree failed";

    private static byte[] failedBytes(String why) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeBoolean(false);
            out.writeUTF(why.length() > 1000 ? why.substring(0, 1000) + "..." : why);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            return new byte[]{0};
        }
    }

    /** A subtree's exploration from its bytes; null when the member could not do it (the search explores it). */
    private OptimalExplorer.Explored explored(byte[] result) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(result));
            if (!in.readBoolean()) {
                String why = in.available() > 0 ? in.readUTF() : FAILED;
                synchronized (this) {
                    problems.add("a member could not explore a subtree it took: " + why);
                }
                return null;
            }
            OptimalExplorer.Explored x = PortableSubtrees.readExplored(in);
            x.attachChecks(CheckRecord.readFrom(in));
            return x;
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeStrings(DataOutputStream out, Set<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static Set<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        Set<String> set = new HashSet<>();
        for (int i = 0; i < n; i++) {
            set.add(in.readUTF());
        }
        return set;
    }
}
