package org.hotlock.check;

import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockMode;

import java.util.List;

/**
 * A declared locking rule: {@code rule R3 "..." { on call device_online require held(device_hotplug_lock) }}.
 * Each clause names what triggers it (a call, a write or read of a shared field, the
 * acquisition of a lock) and the conditions that must hold then.
 */
public record Rule(String name, String text, List<Clause> clauses) {

    public enum Trigger { CALL, WRITE, READ, ORDER }

    /** {@code held(lock[, mode])} or {@code not held(lock)}; mode null means any mode. */
    public record Condition(boolean negated, KernelLock lock, LockMode mode) {
        public String describe() {
            return (negated ? "not held(" : "held(") + lock.name() + (mode == null ? "" : ", " + (mode == LockMode.WRITE ? "write" : "read")) + ")";
        }
    }

    /**
     * For CALL, WRITE and READ: the targets (function names, or {@code type.field}) and the
     * conditions. For ORDER: {@code first} must never be taken while {@code second} is held.
     * A clause is equal only to itself: two rules may declare the same clause, and each
     * answers for its own violations (a user's copy of R4b's clause does not take R4b's).
     */
    public record Clause(Trigger trigger, List<String> targets, List<Condition> conditions, KernelLock first, KernelLock second) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
