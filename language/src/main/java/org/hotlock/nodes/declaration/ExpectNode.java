package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.HotLockContext;
import org.hotlock.check.Expectations;
import org.hotlock.kernel.Kernel;
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
        return check(HotLockContext.get(this));
    }

    @TruffleBoundary
    private Object check(HotLockContext context) {
        Kernel kernel = context.kernel();
        List<String> found = kernel == null ? List.of() : kernel.findings().categories();
        String diff = Expectations.check(expected, found);
        if (kernel != null) {
            var unprinted = kernel.findings().unprinted();
            if (diff != null) {
                org.hotlock.check.FindingPrinter.print(context.out(), unprinted);
            }
            kernel.findings().mark();
        }
        if (diff != null) {
            throw new HLException(diff.stripTrailing(), this);
        }
        return "expectation met: " + (found.isEmpty() ? "clean" : String.join(", ", found));
    }
}
