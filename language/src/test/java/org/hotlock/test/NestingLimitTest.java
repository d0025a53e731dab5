package org.hotlock.test;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser refuses source nested deeper than 500 levels, counting expressions, unary
 * operators, statements and machine blocks together, and points at the token that went one
 * level too deep. Exactly 500 levels parse.
 */
class NestingLimitTest {
    private static final String TOO_DEEP = "nesting deeper than 500 levels (expressions, blocks and statements together)";

    /** A statement and its expression are two levels; each parenthesis adds one. */
    @Test
    void parenthesesCountFromTheStatement() {
        assertParses("(".repeat(498) + "1" + ")".repeat(498));
        assertTooDeepAt("(".repeat(499) + "1" + ")".repeat(499), 500);
    }

    /** Each unary operator is a level, counted at the operator. */
    @Test
    void unaryOperatorsCount() {
        assertParses("!".repeat(498) + "true");
        assertTooDeepAt("!".repeat(499) + "true", 499);
    }

    /**
     * Each operator of a chain is a level, counted at the operator: {@code 1 + 1 + ... + 1}
     * builds a tree as deep as the chain is long (issue 17).
     */
    @Test
    void operatorChainsCount() {
        assertParses("1" + "+1".repeat(498));
        assertTooDeepAt("1" + "+1".repeat(499), 2 * 499);
        assertTooDeepAt("x = 1" + " && true".repeat(499), 6 + 8 * 498 + 1);
        assertParses("1 * 2" + " + 3 * 4".repeat(400));
    }

    /** Each '?' of a chain of conditionals is a level. */
    @Test
    void conditionalChainsCount() {
        assertParses("true ? 1 : ".repeat(498) + "0");
        assertTooDeepAt("true ? 1 : ".repeat(499) + "0", 11 * 498 + 6);
    }

    /**
     * A flat chain of 5 000 terms evaluated through the embedding API, on the caller's own
     * thread: a located syntax error, not "Resource exhausted: Stack overflow" from running it
     * (issue 17); the longest chain the limit lets through runs on that thread.
     */
    @Test
    void aLongFlatChainIsALocatedErrorNotAStackOverflow() {
        try (Context context = Context.newBuilder("hotlock").option("engine.WarnInterpreterOnly", "false").build()) {
            PolyglotException error = org.junit.jupiter.api.Assertions.assertThrows(PolyglotException.class,
                    () -> context.eval("hotlock", "1" + "+1".repeat(4_999)));
            assertTrue(error.isSyntaxError(), () -> "a syntax error, not " + error.getMessage());
            assertFalse(error.isResourceExhausted());
            assertEquals(1, error.getSourceLocation().getStartLine());
            assertEquals(2 * 499, error.getSourceLocation().getStartColumn());
            assertTrue(error.getMessage().contains(TOO_DEEP), error.getMessage());
            assertEquals(499, context.eval("hotlock", "1" + "+1".repeat(498)).asLong());
        }
    }

    @Test
    void blocksCount() {
        assertParses("{".repeat(500) + "}".repeat(500));
        assertTooDeepAt("{".repeat(501) + "}".repeat(501), 501);
    }

    @Test
    void machineBlocksCount() {
        assertParses("machine m " + "{ a ".repeat(500) + "}".repeat(500));
        assertTooDeepAt("machine m " + "{ a ".repeat(501) + "}".repeat(501), 11 + 4 * 500);
    }

    private static void assertParses(String text) {
        assertNull(parse(text), "parses");
    }

    private static void assertTooDeepAt(String text, int column) {
        PolyglotException error = parse(text);
        assertTrue(error != null && error.isSyntaxError(), () -> "a syntax error, not " + error);
        assertFalse(error.isIncompleteSource(), "more input would not help");
        assertEquals(1, error.getSourceLocation().getStartLine());
        assertEquals(column, error.getSourceLocation().getStartColumn());
        assertTrue(error.getMessage().contains(TOO_DEEP), error.getMessage());
    }

    /**
     * Parses on a thread with a large stack: this test is about the limit the parser sets, not
     * about the stack of whatever thread the test happens to run on.
     */
    private static PolyglotException parse(String text) {
        AtomicReference<PolyglotException> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread parser = new Thread(null, () -> {
            try (Context context = Context.newBuilder("hotlock").option("engine.WarnInterpreterOnly", "false").build()) {
                context.parse(Source.create("hotlock", text));
            } catch (PolyglotException e) {
                result.set(e);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "nesting-limit-test", 64L << 20);
        parser.start();
        try {
            parser.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertNull(failure.get(), "no host error");
        return result.get();
    }
}
