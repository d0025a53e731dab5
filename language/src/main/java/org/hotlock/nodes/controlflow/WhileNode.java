package org.hotlock.nodes.controlflow;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.nodes.RepeatingNode;
import com.oracle.truffle.api.profiles.BranchProfile;
import org.hotlock.nodes.HLStatementNode;
import org.hotlock.nodes.expression.ConditionNode;

/** {@code while (cond) body}, as a Truffle loop so a long-running loop is compiled on its own (OSR). */
@NodeInfo(shortName = "while")
public final class WhileNode extends HLStatementNode {
    @Child private LoopNode loop;

    public WhileNode(ConditionNode condition, HLStatementNode body) {
        this.loop = Truffle.getRuntime().createLoopNode(new Repeating(this, condition, body));
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        loop.execute(frame);
    }

    private static final class Repeating extends Node implements RepeatingNode {
        private final WhileNode owner;
        @Child private ConditionNode condition;
        @Child private HLStatementNode body;
        private final BranchProfile continued = BranchProfile.create();
        private final BranchProfile broke = BranchProfile.create();

        Repeating(WhileNode owner, ConditionNode condition, HLStatementNode body) {
            this.owner = owner;
            this.condition = condition;
            this.body = body;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            if (!condition.executeBoolean(frame)) {
                return false;
            }
            owner.countStatement();
            try {
                body.executeVoid(frame);
                return true;
            } catch (ContinueException e) {
                continued.enter();
                return true;
            } catch (BreakException e) {
                broke.enter();
                return false;
            }
        }
    }
}
