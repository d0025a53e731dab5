package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.kernel.GuestThread;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.KernelReports;
import org.hotlock.kernel.LockMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared rules, indexed by what triggers them, checked at the call, the access or the
 * acquisition. A violation names the rule and its text, the thread's locks and its stack.
 */
public final class RuleBook {
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Map<String, List<Rule.Clause>> onCall = new HashMap<>();
    private final Map<String, List<Rule.Clause>> onAccess = new HashMap<>();
    private final List<Rule.Clause> orders = new ArrayList<>();
    private final Map<Rule.Clause, Rule> owner = new IdentityHashMap<>();
    /** Each violation's description and finding key, by its site (see check). */
    private final Map<ViolationSite, String[]> violations = new HashMap<>();
    private final Kernel kernel;
    private final FindingLog findings;

    RuleBook(Kernel kernel, FindingLog findings) {
        this.kernel = kernel;
        this.findings = findings;
    }

    @TruffleBoundary
    public void declare(Rule rule) {
        Rule old = rules.put(rule.name(), rule);
        if (old != null) {
            remove(old);
        }
        for (Rule.Clause c : rule.clauses()) {
            owner.put(c, rule);
            switch (c.trigger()) {
                case CALL -> c.targets().forEach(t -> onCall.computeIfAbsent(t, k -> new ArrayList<>()).add(c));
                case WRITE, READ -> c.targets().forEach(t -> onAccess.computeIfAbsent(t, k -> new ArrayList<>()).add(c));
                case ORDER -> orders.add(c);
            }
        }
    }

    private void remove(Rule rule) {
        for (Rule.Clause c : rule.clauses()) {
            owner.remove(c);
            onCall.values().forEach(l -> l.remove(c));
            onAccess.values().forEach(l -> l.remove(c));
            orders.remove(c);
        }
    }

    public List<Rule> rules() {
        return new ArrayList<>(rules.values());
    }

    /** Whether any rule watches calls of this function: the call site checks only then. */
    @TruffleBoundary
    public boolean watchesCall(String function) {
        List<Rule.Clause> l = onCall.get(function);
        return l != null && !l.isEmpty();
    }

    @TruffleBoundary
    void checkCall(GuestThread thread, String function, Node location) {
        List<Rule.Clause> clauses = onCall.get(function);
        if (clauses != null) {
            for (Rule.Clause c : clauses) {
                check(thread, c, "calls ", function, "()", location);
            }
        }
    }

    @TruffleBoundary
    void checkAccess(GuestThread thread, String field, boolean write, Node location) {
        List<Rule.Clause> clauses = onAccess.get(field);
        if (clauses != null) {
            for (Rule.Clause c : clauses) {
                if ((c.trigger() == Rule.Trigger.WRITE) == write) {
                    check(thread, c, write ? "writes " : "reads ", field, "", location);
                }
            }
        }
    }

    @TruffleBoundary
    void checkAcquire(GuestThread thread, KernelLock lock, Node location) {
        for (Rule.Clause c : orders) {
            if (c.first() == lock && thread.holds(c.second())) {
                report(thread, c, "takes " + lock.name() + " while holding " + c.second().name()
                        + " (declared order: " + c.first().name() + " before " + c.second().name() + ")", location);
            }
        }
    }

    /** What identifies a violation: the clause (its rule's own), the condition broken, what the thread did, where. */
    private record ViolationSite(Rule.Clause clause, Rule.Condition condition, String verb, String target, KernelReports.Captured captured) {
    }

    /** Checks a clause when the thread does {@code verb target suffix} ("calls f()", "writes zone.present_pages"). */
    private void check(GuestThread t, Rule.Clause c, String verb, String target, String suffix, Node location) {
        for (Rule.Condition cond : c.conditions()) {
            LockMode held = t.modeOf(cond.lock());
            boolean ok = held != null && (cond.mode() == null || cond.mode() == held);
            if (cond.negated() ? ok : !ok) {
                // a violation recurs in execution after execution: its description and key are made once
                KernelReports.Captured captured = kernel.stackAt(location);
                String[] described = violations.computeIfAbsent(new ViolationSite(c, cond, verb, target, captured), site -> {
                    String mode = cond.mode() == null ? "" : cond.mode() == LockMode.WRITE ? " for write" : " for read";
                    String what = verb + target + suffix + (cond.negated() ? " while holding " + cond.lock().name()
                            : " without holding " + cond.lock().name() + mode);
                    return new String[]{what, key(c, what, captured)};
                });
                report(t, c, described[0], described[1], captured);
                return;
            }
        }
    }

    private String key(Rule.Clause c, String what, KernelReports.Captured captured) {
        return "violation:" + owner.get(c).name() + ":" + what + ":" + captured.key();
    }

    private void report(GuestThread t, Rule.Clause c, String what, Node location) {
        KernelReports.Captured captured = kernel.stackAt(location);
        report(t, c, what, key(c, what, captured), captured);
    }

    private void report(GuestThread t, Rule.Clause c, String what, String key, KernelReports.Captured captured) {
        Rule rule = owner.get(c);
        if (findings.has(key)) {
            findings.add(findings.get(key));
            return;
        }
        List<String> stack = captured.frames();
        StringBuilder sb = new StringBuilder();
        sb.append("rule ").append(rule.name()).append(" violated: ").append(rule.text()).append('\n');
        sb.append("  ").append(t.name()).append(' ').append(what).append('\n');
        sb.append("  locks held by ").append(t.name()).append(": ").append(t.held().isEmpty() ? "none" : t.held().toString()).append('\n');
        sb.append("  stack:\n");
        for (String f : stack) {
            sb.append("    ").append(f).append('\n');
        }
        findings.add(new Finding(Finding.Kind.VIOLATION, rule.name(), "violation(" + rule.name() + ")",
                rule.name() + ": " + rule.text(), sb.toString(), stack, key));
    }
}
