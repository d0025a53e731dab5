package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.check.Checks;
import org.hotlock.check.Expectations;
import org.hotlock.check.FindingPrinter;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.HLException;

import java.util.List;

/**
 * {@code expect violation(R4), race(zone.present_pages)}: the findings since the last
 * expectation must be exactly these (or none, for {@code expect clean}); otherwise the
 * script fails with the difference. After an incomplete search nothing but an unexpected
 * finding settles it: the expectation is inconclusive (spec/checks.md). Either way it prints
 * the findings it answers for that were not printed yet, and its verdict.
 */
@NodeInfo(shortName = "expect")
public final class ExpectNode extends HLExpressionNode {
    private final List<String> expected;

    public ExpectNode(List<String> expected) {
        this.expected = expected;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return check(context());
    }

    @TruffleBoundary
    private Object check(HotLockContext context) {
        Checks checks = context.checks();
        List<String> found = checks == null ? List.of() : checks.findings().categories();
        String diff = Expectations.check(expected, found);
        String inconclusive = null;
        if (checks != null) {
            String why = checks.findings().incompleteSinceMark();
            inconclusive = why == null ? null : Expectations.inconclusive(expected, found, why);
            // what it checked: the findings it answers for that were not shown yet, then the verdict
            FindingPrinter.print(context.out(), checks.findings().unprinted());
            checks.findings().mark();
        }
        if (inconclusive != null) {
            // not an error: the script goes on, and the launcher ends it with the inconclusive exit code
            checks.findings().addInconclusive(inconclusive);
            context.out().print(inconclusive);
            context.out().flush();
            return inconclusive.lines().findFirst().orElse(inconclusive);
        }
        if (diff != null) {
            throw new HLException(diff.stripTrailing(), this);
        }
        String met = "expectation met: " + (found.isEmpty() ? "clean" : String.join(", ", found));
        context.out().println(met);
        context.out().flush();
        return met;
    }
}
