package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.check.Checks;
import org.hotlock.check.FindingPrinter;

/**
 * {@code report_findings()}: prints the findings no expectation has answered for and not yet
 * printed, and returns how many findings no expectation answered. The launcher calls it at
 * the end of a file and fails the run when it is not 0.
 */
@Builtin(name = "report_findings", doc = "report_findings(): print unanswered findings; returns how many there are")
public abstract class ReportFindingsBuiltin extends KernelBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected long report() {
        Checks checks = context().checks();
        if (checks == null) {
            return 0;
        }
        FindingPrinter.print(context().out(), checks.findings().unprinted());
        return checks.findings().sinceMark().size();
    }
}
