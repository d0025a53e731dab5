package org.hotlock.parser;

import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.call.InvokeNode;
import org.hotlock.nodes.expression.AddNodeGen;
import org.hotlock.nodes.expression.BitAndNodeGen;
import org.hotlock.nodes.expression.BitNotNodeGen;
import org.hotlock.nodes.expression.BitOrNodeGen;
import org.hotlock.nodes.expression.BitXorNodeGen;
import org.hotlock.nodes.expression.BooleanLiteralNode;
import org.hotlock.nodes.expression.ConditionNode;
import org.hotlock.nodes.expression.DivNodeGen;
import org.hotlock.nodes.expression.EqualNodeGen;
import org.hotlock.nodes.expression.GreaterEqualNodeGen;
import org.hotlock.nodes.expression.GreaterNodeGen;
import org.hotlock.nodes.expression.LessEqualNodeGen;
import org.hotlock.nodes.expression.LessNodeGen;
import org.hotlock.nodes.expression.ListLiteralNode;
import org.hotlock.nodes.expression.LiteralNode;
import org.hotlock.nodes.expression.LogicalAndNode;
import org.hotlock.nodes.expression.LogicalOrNode;
import org.hotlock.nodes.expression.LongLiteralNode;
import org.hotlock.nodes.expression.ModNodeGen;
import org.hotlock.nodes.expression.MulNodeGen;
import org.hotlock.nodes.expression.NegateNodeGen;
import org.hotlock.nodes.expression.NewStructNode;
import org.hotlock.nodes.expression.NotEqualNode;
import org.hotlock.nodes.expression.NotNodeGen;
import org.hotlock.nodes.expression.RangeNodeGen;
import org.hotlock.nodes.expression.ReadFieldNodeGen;
import org.hotlock.nodes.expression.ReadIndexNodeGen;
import org.hotlock.nodes.expression.ShiftLeftNodeGen;
import org.hotlock.nodes.expression.ShiftRightNodeGen;
import org.hotlock.nodes.expression.SubNodeGen;
import org.hotlock.nodes.expression.TernaryNode;
import org.hotlock.nodes.local.ReadGlobalNode;
import org.hotlock.nodes.local.ReadLocalNode;
import org.hotlock.runtime.HLNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses expressions: the conditional, the binary operators by one precedence ladder, then
 * unary operators, calls, field and index reads, literals and {@code new}.
 */
final class ExpressionParser {

    @FunctionalInterface
    private interface BinaryNodeBuilder {
        HLExpressionNode build(HLExpressionNode left, HLExpressionNode right);
    }

    /** A negated operator builds its node and wraps it in a {@link NotEqualNode}: {@code a != b} is {@code !(a == b)}. */
    private record BinaryOperator(TokenKind token, BinaryNodeBuilder builder, boolean negated) {
    }

    /**
     * Operators of equal precedence. A level that chains is left-associative
     * ({@code a - b - c} is {@code (a - b) - c}); one that does not takes at most one operator,
     * so the second {@code ..} of {@code 1..2..3} is left over and the statement cannot end there.
     */
    private record PrecedenceLevel(boolean chains, List<BinaryOperator> operators) {
        BinaryOperator operatorFor(TokenKind kind) {
            for (BinaryOperator operator : operators) {
                if (operator.token() == kind) {
                    return operator;
                }
            }
            return null;
        }
    }

    /** The binary operators, loosest first, as in spec/grammar.md. */
    private static final List<PrecedenceLevel> PRECEDENCE = List.of(
            chaining(operator(TokenKind.OR_OR, ExpressionParser::logicalOr)),
            chaining(operator(TokenKind.AND_AND, ExpressionParser::logicalAnd)),
            chaining(operator(TokenKind.PIPE, BitOrNodeGen::create)),
            chaining(operator(TokenKind.CARET, BitXorNodeGen::create)),
            chaining(operator(TokenKind.AMP, BitAndNodeGen::create)),
            chaining(operator(TokenKind.EQUAL, EqualNodeGen::create),
                    new BinaryOperator(TokenKind.NOT_EQUAL, EqualNodeGen::create, true)),
            chaining(operator(TokenKind.LESS, LessNodeGen::create), operator(TokenKind.LESS_EQUAL, LessEqualNodeGen::create),
                    operator(TokenKind.GREATER, GreaterNodeGen::create), operator(TokenKind.GREATER_EQUAL, GreaterEqualNodeGen::create)),
            new PrecedenceLevel(false, List.of(operator(TokenKind.DOT_DOT, RangeNodeGen::create))),
            chaining(operator(TokenKind.SHIFT_LEFT, ShiftLeftNodeGen::create), operator(TokenKind.SHIFT_RIGHT, ShiftRightNodeGen::create)),
            chaining(operator(TokenKind.PLUS, AddNodeGen::create), operator(TokenKind.MINUS, SubNodeGen::create)),
            chaining(operator(TokenKind.STAR, MulNodeGen::create), operator(TokenKind.SLASH, DivNodeGen::create),
                    operator(TokenKind.PERCENT, ModNodeGen::create)));

    private static BinaryOperator operator(TokenKind token, BinaryNodeBuilder builder) {
        return new BinaryOperator(token, builder, false);
    }

    private static PrecedenceLevel chaining(BinaryOperator... operators) {
        return new PrecedenceLevel(true, List.of(operators));
    }

    private static HLExpressionNode logicalOr(HLExpressionNode left, HLExpressionNode right) {
        return new LogicalOrNode(new ConditionNode(left, "the left side of '||'"), new ConditionNode(right, "the right side of '||'"));
    }

    private static HLExpressionNode logicalAnd(HLExpressionNode left, HLExpressionNode right) {
        return new LogicalAndNode(new ConditionNode(left, "the left side of '&&'"), new ConditionNode(right, "the right side of '&&'"));
    }

    private final TokenCursor cursor;
    private final NodeFactory factory;

    ExpressionParser(TokenCursor cursor, NodeFactory factory) {
        this.cursor = cursor;
        this.factory = factory;
    }

    HLExpressionNode parseExpression() {
        cursor.enterNesting();
        try {
            return parseTernary();
        } finally {
            cursor.exitNesting();
        }
    }

    private HLExpressionNode parseTernary() {
        Token start = cursor.peek();
        HLExpressionNode condition = parseBinary(0);
        if (continues(TokenKind.QUESTION)) {
            // a chain a ? b : c ? d : ... nests a level per '?', as it runs
            cursor.enterNesting();
            try {
                cursor.advance();
                HLExpressionNode then = parseTernary();
                cursor.expect(TokenKind.COLON, "':' in the conditional expression");
                HLExpressionNode otherwise = parseTernary();
                return cursor.located(new TernaryNode(new ConditionNode(condition, "the condition of '?:'"), then, otherwise), start);
            } finally {
                cursor.exitNesting();
            }
        }
        return condition;
    }

    /** A binary operator continues the expression unless it starts a new line outside brackets. */
    private boolean continues(TokenKind kind) {
        Token token = cursor.peek();
        return token.is(kind) && (cursor.insideBrackets() || !token.newlineBefore());
    }

    /**
     * The binary operators from level {@code loosest} of {@link #PRECEDENCE} inwards, by
     * precedence climbing: it recurses once per operator found rather than once per level, so
     * even {@link TokenCursor#MAX_NESTING} parentheses need little stack. Each operator of a
     * chain is a level of nesting all the same: {@code 1 + 1 + ... + 1} builds a tree as deep
     * as it is long, and evaluating it recurses that deep (issue 17: 5 000 terms overflowed an
     * embedder's stack at run time, unlocated).
     */
    private HLExpressionNode parseBinary(int loosest) {
        Token start = cursor.peek();
        HLExpressionNode left = parseUnary();
        int tightest = PRECEDENCE.size() - 1;
        int chained = 0;
        try {
            while (true) {
                int level = operatorLevel(cursor.peek(), loosest, tightest);
                if (level < 0) {
                    return left;
                }
                cursor.enterNesting();
                chained++;
                PrecedenceLevel operators = PRECEDENCE.get(level);
                BinaryOperator operator = operators.operatorFor(cursor.next().kind());
                HLExpressionNode right = parseBinary(level + 1);
                HLExpressionNode node = cursor.located(operator.builder().build(left, right), start);
                left = operator.negated() ? cursor.located(NotEqualNode.create(node), start) : node;
                // Tighter operators went into the right operand; an operator of this level may only
                // follow if the level chains, so the second '..' of '1..2..3' is left unparsed.
                tightest = operators.chains() ? level : level - 1;
            }
        } finally {
            for (; chained > 0; chained--) {
                cursor.exitNesting();
            }
        }
    }

    /** The level of {@code token} as a binary operator that continues the expression, within the bounds; else -1. */
    private int operatorLevel(Token token, int loosest, int tightest) {
        if (token.newlineBefore() && !cursor.insideBrackets()) {
            return -1;
        }
        for (int level = loosest; level <= tightest; level++) {
            if (PRECEDENCE.get(level).operatorFor(token.kind()) != null) {
                return level;
            }
        }
        return -1;
    }

    private HLExpressionNode parseUnary() {
        Token operator = cursor.peek();
        if (operator.is(TokenKind.MINUS) || operator.is(TokenKind.BANG) || operator.is(TokenKind.TILDE)) {
            cursor.enterNesting();
            try {
                cursor.advance();
                return switch (operator.kind()) {
                    case MINUS -> parseNegation(operator);
                    case BANG -> cursor.located(NotNodeGen.create(parseUnary()), operator);
                    default -> cursor.located(BitNotNodeGen.create(parseUnary()), operator);
                };
            } finally {
                cursor.exitNesting();
            }
        }
        return parsePostfix();
    }

    /** A minus right before a number belongs to the literal: {@code -1} is a constant, not a negation to evaluate. */
    private HLExpressionNode parseNegation(Token minus) {
        if (cursor.peek().is(TokenKind.INTEGER) && !cursor.peek().newlineBefore()) {
            Token number = cursor.next();
            return cursor.located(new LongLiteralNode(-(Long) number.value()), minus);
        }
        return cursor.located(NegateNodeGen.create(parseUnary()), minus);
    }

    private HLExpressionNode parsePostfix() {
        Token start = cursor.peek();
        HLExpressionNode expression = parsePrimary();
        while (true) {
            Token token = cursor.peek();
            if (token.is(TokenKind.LEFT_PAREN) && (!token.newlineBefore() || cursor.insideBrackets())) {
                cursor.advance();
                cursor.openBracket();
                List<HLExpressionNode> arguments = new ArrayList<>();
                if (!cursor.peek().is(TokenKind.RIGHT_PAREN)) {
                    do {
                        arguments.add(parseExpression());
                    } while (cursor.match(TokenKind.COMMA));
                }
                cursor.closeBracket();
                cursor.expect(TokenKind.RIGHT_PAREN, "')' or ',' in the arguments");
                String name = expression instanceof ReadGlobalNode global ? global.name()
                        : expression instanceof ReadLocalNode local ? local.getName() : "<expression>";
                expression = cursor.located(new InvokeNode(expression, arguments.toArray(HLExpressionNode[]::new), name), start);
            } else if (token.is(TokenKind.DOT) || token.is(TokenKind.ARROW)) {
                cursor.advance();
                Token field = cursor.expect(TokenKind.IDENTIFIER, "a field name after '" + token.text() + "'");
                expression = cursor.located(ReadFieldNodeGen.create(expression, field.text()), start);
            } else if (token.is(TokenKind.LEFT_BRACKET) && (!token.newlineBefore() || cursor.insideBrackets())) {
                cursor.advance();
                cursor.openBracket();
                HLExpressionNode index = parseExpression();
                cursor.closeBracket();
                cursor.expect(TokenKind.RIGHT_BRACKET, "']' after the index");
                expression = cursor.located(ReadIndexNodeGen.create(expression, index), start);
            } else {
                return expression;
            }
        }
    }

    private HLExpressionNode parsePrimary() {
        Token token = cursor.peek();
        switch (token.kind()) {
            case INTEGER -> {
                cursor.advance();
                return cursor.located(new LongLiteralNode((Long) token.value()), token);
            }
            case STRING -> {
                cursor.advance();
                return cursor.located(new LiteralNode(token.value()), token);
            }
            case IDENTIFIER -> {
                cursor.advance();
                return cursor.located(factory.createRead(token), token);
            }
            case LEFT_PAREN -> {
                cursor.advance();
                cursor.openBracket();
                HLExpressionNode inner = parseExpression();
                cursor.closeBracket();
                cursor.expect(TokenKind.RIGHT_PAREN, "')' to close the '(' at line " + cursor.lineOf(token) + ":" + cursor.columnOf(token));
                return inner;
            }
            case LEFT_BRACKET -> {
                return parseList(token);
            }
            case KEYWORD -> {
                switch (token.text()) {
                    case "true", "false" -> {
                        cursor.advance();
                        return cursor.located(new BooleanLiteralNode(token.text().equals("true")), token);
                    }
                    case "null" -> {
                        cursor.advance();
                        return cursor.located(new LiteralNode(HLNull.SINGLETON), token);
                    }
                    case "new" -> {
                        return parseNew();
                    }
                    default -> throw cursor.error(token, "expected an expression, found " + token.describe());
                }
            }
            case EOF -> throw cursor.incomplete(token, "expected an expression, found the end of input");
            default -> throw cursor.error(token, "expected an expression, found " + token.describe());
        }
    }

    /** {@code [a, b, c]}, a trailing comma allowed. */
    private HLExpressionNode parseList(Token open) {
        cursor.advance();
        cursor.openBracket();
        List<HLExpressionNode> elements = new ArrayList<>();
        if (!cursor.peek().is(TokenKind.RIGHT_BRACKET)) {
            do {
                if (cursor.peek().is(TokenKind.RIGHT_BRACKET)) {
                    break;
                }
                elements.add(parseExpression());
            } while (cursor.match(TokenKind.COMMA));
        }
        cursor.closeBracket();
        cursor.expect(TokenKind.RIGHT_BRACKET, "']' or ',' in the list");
        return cursor.located(new ListLiteralNode(elements.toArray(HLExpressionNode[]::new)), open);
    }

    private HLExpressionNode parseNew() {
        Token keyword = cursor.next();
        Token type = cursor.expect(TokenKind.IDENTIFIER, "a struct name after 'new'");
        List<String> names = new ArrayList<>();
        List<HLExpressionNode> values = new ArrayList<>();
        if (cursor.match(TokenKind.LEFT_PAREN)) {
            cursor.expect(TokenKind.RIGHT_PAREN, "')': write fields as new " + type.text() + " { field: value }");
        } else {
            cursor.expect(TokenKind.LEFT_BRACE, "'{' with the fields of the new " + type.text());
            int outerBrackets = cursor.bracketDepth();
            cursor.setBracketDepth(1);
            while (!cursor.peek().is(TokenKind.RIGHT_BRACE)) {
                Token field = cursor.expect(TokenKind.IDENTIFIER, "a field name or '}'");
                if (names.contains(field.text())) {
                    throw cursor.error(field, "field '" + field.text() + "' is given twice");
                }
                cursor.expect(TokenKind.COLON, "':' after the field name '" + field.text() + "'");
                names.add(field.text());
                values.add(parseExpression());
                if (!cursor.match(TokenKind.COMMA) && !cursor.peek().is(TokenKind.RIGHT_BRACE)) {
                    throw cursor.error(cursor.peek(), "expected ',' or '}' after the value of field '" + field.text() + "', found "
                            + cursor.peek().describe());
                }
            }
            cursor.setBracketDepth(outerBrackets);
            cursor.advance();
        }
        return cursor.located(new NewStructNode(type.text(), names.toArray(String[]::new), values.toArray(HLExpressionNode[]::new)), keyword);
    }
}
