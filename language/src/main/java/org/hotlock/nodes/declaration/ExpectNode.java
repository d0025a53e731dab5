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
 * script fails with the difference.
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
        if (checks != null) {
            var unprinted = checks.findings().unprinted();
            if (diff != null) {
                FindingPrinter.print(context.out(), unprinted);
            }
            checks.findings().mark();
        }
        if (diff != null) {
            throw new HLException(diff.stripTrailing(), this);
        }
        return "expectation met: " + (found.isEmpty() ? "clean" : String.join(", ", found));
    }
}
