package org.hotlock.nodes;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import org.hotlock.nodes.controlflow.BlockNode;
import org.hotlock.nodes.controlflow.IfNode;
import org.hotlock.nodes.controlflow.ReturnException;
import org.hotlock.nodes.controlflow.ReturnNode;
import org.hotlock.nodes.expression.BooleanLiteralNode;
import org.hotlock.nodes.expression.ConditionNode;
import org.hotlock.nodes.expression.LongLiteralNode;
import org.hotlock.test.Scripts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A return reached through blocks and ifs comes back as a value, with no exception to unwind
 * (the interpreter's cost of a small call was mostly that unwinding); one in a loop still
 * throws, and the function's body catches both kinds the same.
 */
class ReturnWithoutUnwindingTest {

    private static VirtualFrame frame() {
        return Truffle.getRuntime().createVirtualFrame(new Object[0], FrameDescriptor.newBuilder().build());
    }

    private static ConditionNode condition(boolean value) {
        return new ConditionNode(new BooleanLiteralNode(value), "if");
    }

    private static BlockNode block(HLStatementNode... statements) {
        return new BlockNode(statements);
    }

    private static ReturnNode returning(long value) {
        return new ReturnNode(new LongLiteralNode(value));
    }

    @Test
    void aReturnThroughBlocksAndIfsIsTheValueNotAnException() {
        // { if (false) { return 1 }  { if (true) { return 2 } else { return 9 } }  return 3 }
        BlockNode body = block(new IfNode(condition(false), block(returning(1)), null),
                block(new IfNode(condition(true), block(returning(2)), block(returning(9)))),
                returning(3));
        assertEquals(2L, body.runReturning(frame()));
        assertEquals(3L, block(new IfNode(condition(false), block(returning(1)), null), returning(3)).runReturning(frame()));
    }

    @Test
    void aBodyThatEndsWithoutReturnGivesNothing() {
        assertNull(block(new IfNode(condition(false), block(returning(1)), null), block()).runReturning(frame()));
    }

    @Test
    void aReturnRunAsAPlainStatementStillThrows() {
        ReturnException e = assertThrows(ReturnException.class, () -> block(returning(4)).executeVoid(frame()));
        assertEquals(4L, e.value());
    }

    /** Both kinds of return, in one program: early, nested, in a loop, in a loop's if, and none. */
    @Test
    void everyKindOfReturnGivesTheSameValues() {
        String[] r = Scripts.run("""
                fn early(x) {
                  if (x < 0) { return -1 }
                  if (x == 0) return 0
                  { if (x > 100) { return 100 } }
                  return x
                }
                fn inLoop(list) {
                  for v in list { if (v > 2) { return v } }
                  return null
                }
                fn whileLoop(n) {
                  var i = 0
                  while (true) { i += 1; if (i * i > n) return i }
                }
                fn none(x) { var y = x }
                fn fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
                print("" + early(-5) + " " + early(0) + " " + early(500) + " " + early(7))
                print("" + inLoop([1, 2, 3, 4]) + " " + inLoop([1]) + " " + whileLoop(30) + " " + none(1) + " " + fib(15))
                """, Map.of());
        assertNull(r[1], r[0]);
        assertEquals("-1 0 100 7\n3 null 6 null 610\n", r[0]);
    }
}
