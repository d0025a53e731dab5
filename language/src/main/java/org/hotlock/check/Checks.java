package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.kernel.GuestThread;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelListener;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.KernelWarning;
import org.hotlock.kernel.LockMode;
import org.hotlock.kernel.SysfsKey;
import org.hotlock.runtime.HLObject;

/**
 * The checkers of one kernel, listening to it: the declared rules at calls, accesses and lock
 * acquisitions, the lock-order graph at every acquisition, races at every scheduled access,
 * and the kernel's WARNs and lockdep's single-thread reports (recursive locking, bad unlock
 * balance), all into one {@link FindingLog}. Switched off (to measure what the checks cost),
 * only those reports are still recorded, as the kernel itself prints them.
 */
public final class Checks implements KernelListener {
    private final boolean enabled;
    private final FindingLog findings = new FindingLog();
    private final RuleBook rules;
    private final LockGraph lockGraph;
    private final RaceDetector races;

    public Checks(Kernel kernel, boolean enabled, boolean validateDeviceLocks, boolean gateLocks) {
        this.enabled = enabled;
        this.rules = new RuleBook(kernel, findings);
        this.lockGraph = new LockGraph(findings, validateDeviceLocks, gateLocks);
        this.races = new RaceDetector(kernel, findings);
    }

    public FindingLog findings() {
        return findings;
    }

    public RuleBook rules() {
        return rules;
    }

    public LockGraph lockGraph() {
        return lockGraph;
    }

    /**
     * In a worker of a search: what the checks find in the coming execution goes into the
     * record, to be applied to the search's own checks (null: back to finding it here).
     */
    public void recordInto(CheckRecord record) {
        findings.recordInto(record);
        lockGraph.recordInto(record);
    }

    /** The record being filled, or null. */
    public CheckRecord recording() {
        return findings.recording();
    }

    /** Whether the checkers run; off only to measure their cost. */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void lockAcquiring(GuestThread thread, KernelLock lock, LockMode mode, Node location) {
        if (enabled) {
            rules.checkAcquire(thread, lock, location);
            // as lockdep: the dependency is recorded when the acquire is attempted, before it
            // waits, so a deadlock's cycle is reported whichever thread blocked first
            lockGraph.acquired(thread, lock, mode, location);
        }
    }

    @Override
    public void holdsOverlapped(GuestThread.HeldLock hold) {
        if (enabled) {
            lockGraph.overlapped(hold);
        }
    }

    @Override
    public void functionCalled(GuestThread thread, String function, Node location) {
        if (enabled) {
            rules.checkCall(thread, function, location);
        }
    }

    @Override
    public void sharedAccessing(GuestThread thread, HLObject object, int field, boolean write, Node location) {
        if (enabled) {
            rules.checkAccess(thread, object.type().qualifiedName(field), write, location);
        }
    }

    @Override
    public void sharedAccessed(GuestThread thread, HLObject object, int field, boolean write, Node location) {
        if (enabled) {
            races.access(thread, object, field, write, location);
        }
    }

    @Override
    public void executionStarted() {
        races.reset();
        lockGraph.newExecution();
    }

    @Override
    public void threadSpawned(GuestThread parent, GuestThread child) {
        races.spawned(parent, child);
    }

    @Override
    public void threadJoined(GuestThread joiner, GuestThread child) {
        races.joined(joiner, child);
    }

    @Override
    public void deviceAdded(GuestThread thread, SysfsKey directory) {
        if (enabled) {
            races.publish(thread, directory);
        }
    }

    @Override
    public void sysfsFound(GuestThread thread, SysfsKey directory) {
        if (enabled) {
            races.observe(thread, directory);
        }
    }

    @Override
    @TruffleBoundary
    public void warning(KernelWarning warning) {
        Finding seen = findings.get(warning.key());
        Finding.Kind kind = switch (warning.category()) {
            case "recursive_locking" -> Finding.Kind.RECURSIVE_LOCKING;
            case "bad_unlock" -> Finding.Kind.BAD_UNLOCK;
            default -> Finding.Kind.WARNING;
        };
        findings.add(seen != null ? seen : new Finding(kind, null, warning.category(), warning.title(),
                warning.report(), warning.stack(), warning.key()));
    }
}
