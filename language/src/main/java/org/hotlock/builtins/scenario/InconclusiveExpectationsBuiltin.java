package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.check.Checks;
import org.hotlock.runtime.HLList;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code inconclusive_expectations()}: the expectations an incomplete search could not settle,
 * each as its message; with a search since the last expectation incomplete, the end of the
 * script too (it claims that no finding is left unanswered). The launcher calls it at the end
 * of a file, after {@code report_findings()}, and exits with the inconclusive code when it is
 * not empty.
 */
@Builtin(name = "inconclusive_expectations", doc = "inconclusive_expectations(): the expectations incomplete searches could not settle, as messages")
public abstract class InconclusiveExpectationsBuiltin extends KernelBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object inconclusive() {
        Checks checks = context().checks();
        if (checks == null) {
            return new HLList();
        }
        List<Object> messages = new ArrayList<>(checks.findings().inconclusive());
        String why = checks.findings().incompleteSinceMark();
        if (why != null && checks.findings().sinceMark().isEmpty()) {
            messages.add("the end of the script is inconclusive: " + why + ": no finding is left unanswered, but that shows nothing\n");
        }
        return new HLList(messages);
    }
}
