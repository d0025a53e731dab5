package org.hotlock.launcher.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import org.hotlock.scenario.SubtreeExchange;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One member's side of one exploration's subtrees on a Hazelcast cluster. A subtree handed over
 * is a ticket (a cluster-wide id) with its bytes in an IMap and its state in another: waiting
 * (and in an IQueue), running on a member (its owner's lease), done (its result in a third
 * IMap), taken back, or given up. Claiming and taking back are compare-and-set on the state, so
 * a subtree runs once or not at all; a member that leaves the cluster loses its leases, and what
 * it was exploring waits again, for another member or for the search. The maps keep a backup
 * on another member, so a member's death loses no ticket. What the search reads after each
 * execution (whether a member waits, whether a subtree was given up) is refreshed by a
 * background thread every few milliseconds.
 */
final class HazelcastExchange implements SubtreeExchange {
    static final String JOBS = "hotlock.jobs";
    private static final String WAITING = "W";
    private static final String DONE = "D";
    private static final String TAKEN_BACK = "T";
    private static final String CANCELLED = "C";

    private final HazelcastInstance hz;
    private final String job;
    private final String me;
    private final IMap<Long, String> state;
    private final IMap<Long, byte[]> subtrees;
    private final IMap<Long, byte[]> results;
    private final IQueue<Long> queue;
    private final IMap<String, Integer> idle;
    private final IMap<String, byte[]> jobs;
    /** Tickets this member handed over and not yet taken, and the results that arrived for them. */
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();
    private final Map<Long, byte[]> arrived = new ConcurrentHashMap<>();
    /** Tickets this member explores, and those of them given up. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final Set<Long> givenUp = ConcurrentHashMap.newKeySet();
    private final AtomicInteger idleHere = new AtomicInteger();
    private final AtomicInteger claimed = new AtomicInteger();
    private int idlePublished = -1;
    private volatile boolean wanted;
    /** Subtrees waiting, as last read: claiming asks the queue only when some do. */
    private volatile int queued;
    /** Members that left, so far: a take-back that failed is tried again only after one has. */
    private final AtomicInteger departures = new AtomicInteger();
    private final Map<Long, Integer> leasedAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastLooked = new ConcurrentHashMap<>();
    private volatile boolean ended;
    private final UUID resultListener;
    private final UUID membershipListener;
    private final ScheduledExecutorService refresher;
    private long refreshes;

    /** The member whose search it is: when it leaves, the search is over (null: this member's own). */
    private final String search;

    HazelcastExchange(HazelcastInstance hz, String job, String search) {
        this.hz = hz;
        this.search = search;
        this.job = job;
        this.me = hz.getCluster().getLocalMember().getUuid().toString();
        this.state = hz.getMap("hotlock.state." + job);
        this.subtrees = hz.getMap("hotlock.subtrees." + job);
        this.results = hz.getMap("hotlock.results." + job);
        this.queue = hz.getQueue("hotlock.queue." + job);
        this.idle = hz.getMap("hotlock.idle." + job);
        this.jobs = hz.getMap(JOBS);
        this.resultListener = results.addEntryListener((EntryAddedListener<Long, byte[]>) e -> {
            if (mine.contains(e.getKey())) {
                arrived.put(e.getKey(), e.getValue());
            }
        }, true);
        this.membershipListener = hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                if (event.getMember().getUuid().toString().equals(search)) {
                    ended = true;
                }
                requeue(event.getMember());
            }
        });
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hotlock-cluster-" + job);
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, 5, TimeUnit.MILLISECONDS);
    }

    /** Whether a member waits: the idle counts the members publish against the subtrees waiting. */
    private void refresh() {
        try {
            int here = idleHere.get();
            if (here != idlePublished) {
                idle.set(me, here);
                idlePublished = here;
            }
            // by key (the members'), not values(): that would query every partition
            Set<String> members = new HashSet<>();
            for (Member m : hz.getCluster().getMembers()) {
                members.add(m.getUuid().toString());
            }
            long waiting = 0;
            for (int n : idle.getAll(members).values()) {
                waiting += n;
            }
            int size = queue.size();
            queued = size;
            wanted = waiting > size;
            if (refreshes++ % 10 == 0) {
                ended = ended || !jobs.containsKey(job);
                for (long t : running) {
                    if (CANCELLED.equals(state.get(t))) {
                        givenUp.add(t);
                    }
                }
            }
        } catch (RuntimeException e) {
            // the member is shutting down, or the cluster is changing: the next round sees it
            if (!hz.getLifecycleService().isRunning()) {
                ended = true;
            }
        }
    }

    /** A member left: what it was exploring waits again (compare-and-set, so once, whoever does it). */
    private void requeue(Member gone) {
        String lease = "R " + gone.getUuid();
        departures.incrementAndGet();
        try {
            idle.delete(gone.getUuid().toString());
            for (Map.Entry<Long, String> e : state.entrySet()) {
                if (lease.equals(e.getValue()) && state.replace(e.getKey(), lease, WAITING)) {
                    queue.offer(e.getKey());
                }
            }
        } catch (RuntimeException e) {
            // this member is leaving too
        }
    }

    @Override
    public boolean wanted() {
        return wanted;
    }

    @Override
    public long offer(byte[] subtree) {
        long ticket = hz.getFlakeIdGenerator("hotlock.tickets").newId();
        mine.add(ticket);
        subtrees.set(ticket, subtree);
        state.set(ticket, WAITING);
        queue.offer(ticket);
        return ticket;
    }

    @Override
    public boolean takeBack(long ticket) {
        int seen = departures.get();
        Integer at = leasedAt.get(ticket);
        if (at != null && at == seen) {
            return false;   // a member had it, and none has left since
        }
        if (!state.replace(ticket, WAITING, TAKEN_BACK)) {
            leasedAt.put(ticket, seen);
            return false;
        }
        queue.remove(ticket);
        forget(ticket);
        return true;
    }

    @Override
    public byte[] result(long ticket) {
        byte[] r = arrived.remove(ticket);
        long now = System.nanoTime();
        if (r == null && now - lastLooked.getOrDefault(ticket, 0L) > 50_000_000L) {
            // (an event missed while the cluster changed)
            lastLooked.put(ticket, now);
            r = DONE.equals(state.get(ticket)) ? results.get(ticket) : null;
        }
        if (r != null) {
            forget(ticket);
        }
        return r;
    }

    @Override
    public void cancel(long ticket) {
        state.set(ticket, CANCELLED);
        queue.remove(ticket);
        forget(ticket);
    }

    private void forget(long ticket) {
        mine.remove(ticket);
        leasedAt.remove(ticket);
        lastLooked.remove(ticket);
        arrived.remove(ticket);
        subtrees.delete(ticket);
        results.delete(ticket);
    }

    @Override
    public Claimed claim() {
        if (queued == 0) {
            return null;
        }
        Long ticket;
        while ((ticket = queue.poll()) != null) {
            queued = Math.max(0, queued - 1);
            if (state.replace(ticket, WAITING, "R " + me)) {
                byte[] subtree = subtrees.get(ticket);
                if (subtree != null) {
                    running.add(ticket);
                    claimed.incrementAndGet();
                    return new Claimed(ticket, subtree);
                }
            }
        }
        queued = 0;
        return null;
    }

    @Override
    public void complete(long ticket, byte[] explored) {
        running.remove(ticket);
        givenUp.remove(ticket);
        results.set(ticket, explored);
        if (!state.replace(ticket, "R " + me, DONE)) {
            results.delete(ticket);   // given up meanwhile, or this member was taken for gone
        }
    }

    /** Subtrees this member claimed so far. */
    int claimed() {
        return claimed.get();
    }

    /** Whether this member explores a subtree of the exploration now. */
    boolean exploring() {
        return !running.isEmpty();
    }

    @Override
    public boolean cancelled(long ticket) {
        return ended || givenUp.contains(ticket);
    }

    @Override
    public void idle(boolean waiting) {
        idleHere.addAndGet(waiting ? 1 : -1);
    }

    @Override
    public boolean ended() {
        return ended;
    }

    /** This member is done with the exploration: its listeners and its thread stop. */
    void close() {
        ended = true;
        refresher.shutdownNow();
        try {
            results.removeEntryListener(resultListener);
            hz.getCluster().removeMembershipListener(membershipListener);
            idle.delete(me);
        } catch (RuntimeException e) {
            // the member is shutting down
        }
    }

    /** The search is over: its structures go (the search's member does it). */
    void destroy() {
        close();
        try {
            state.destroy();
            subtrees.destroy();
            results.destroy();
            queue.destroy();
            idle.destroy();
        } catch (RuntimeException e) {
            // the member is shutting down
        }
    }
}
