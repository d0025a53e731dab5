package org.hotlock.parser;

import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.HLStatementNode;
import org.hotlock.nodes.controlflow.BlockNode;
import org.hotlock.nodes.controlflow.BreakNode;
import org.hotlock.nodes.controlflow.ContinueNode;
import org.hotlock.nodes.controlflow.ForInNode;
import org.hotlock.nodes.controlflow.IfNode;
import org.hotlock.nodes.controlflow.ReturnNode;
import org.hotlock.nodes.controlflow.WhileNode;
import org.hotlock.nodes.expression.AddNodeGen;
import org.hotlock.nodes.expression.BitAndNodeGen;
import org.hotlock.nodes.expression.BitOrNodeGen;
import org.hotlock.nodes.expression.ConditionNode;
import org.hotlock.nodes.expression.LiteralNode;
import org.hotlock.nodes.expression.LongLiteralNode;
import org.hotlock.nodes.expression.SubNodeGen;
import org.hotlock.nodes.local.WriteGlobalNode;
import org.hotlock.runtime.HLNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses statements: blocks, {@code var} and {@code const}, {@code if}, {@code while},
 * {@code for}, {@code return}, {@code break}, {@code continue}, and expressions used as
 * statements, assignments among them.
 */
final class StatementParser {
    private final TokenCursor cursor;
    private final NodeFactory factory;
    private final ExpressionParser expressions;

    StatementParser(TokenCursor cursor, NodeFactory factory, ExpressionParser expressions) {
        this.cursor = cursor;
        this.factory = factory;
        this.expressions = expressions;
    }

    HLStatementNode parseStatement() {
        cursor.enterNesting();
        try {
            HLStatementNode statement = parseStatementByFirstToken();
            statement.markStatement();
            return statement;
        } finally {
            cursor.exitNesting();
        }
    }

    private HLStatementNode parseStatementByFirstToken() {
        Token token = cursor.peek();
        if (token.is(TokenKind.LEFT_BRACE)) {
            return parseBlock();
        } else if (token.isKeyword("var") || token.isKeyword("const")) {
            return parseVar();
        } else if (token.isKeyword("if")) {
            return parseIf();
        } else if (token.isKeyword("while")) {
            return parseWhile();
        } else if (token.isKeyword("for")) {
            return parseFor();
        } else if (token.isKeyword("return")) {
            return parseReturn();
        } else if (token.isKeyword("break") || token.isKeyword("continue")) {
            cursor.advance();
            if (!factory.insideLoop()) {
                throw cursor.error(token, "'" + token.text() + "' outside of a loop");
            }
            return cursor.located(token.isKeyword("break") ? new BreakNode() : new ContinueNode(), token);
        } else if (token.is(TokenKind.IDENTIFIER) && token.text().equals("patch") && cursor.lookahead(1).isKeyword("fn")
                && !cursor.lookahead(1).newlineBefore()) {
            throw cursor.error(token, "functions can only be declared (or patched) at the top level");
        } else if (token.isKeyword("fn") || token.isKeyword("struct")) {
            throw cursor.error(token, (token.isKeyword("fn") ? "functions" : "structs") + " can only be declared at the top level");
        } else if (token.isKeyword("else")) {
            throw cursor.error(token, "'else' without a matching 'if'");
        }
        return parseExpressionStatement();
    }

    BlockNode parseBlock() {
        Token open = cursor.expect(TokenKind.LEFT_BRACE, "'{'");
        int outerBrackets = cursor.bracketDepth();
        cursor.setBracketDepth(0);
        factory.enterBlock();
        List<HLStatementNode> statements = new ArrayList<>();
        try {
            while (!cursor.peek().is(TokenKind.RIGHT_BRACE)) {
                if (cursor.peek().is(TokenKind.EOF)) {
                    throw cursor.incomplete(cursor.peek(), "'}' expected to close the block opened at line " + cursor.lineOf(open));
                }
                if (cursor.match(TokenKind.SEMICOLON)) {
                    continue;
                }
                statements.add(parseStatement());
                expectEndOfStatement();
            }
            cursor.advance();
        } finally {
            factory.exitBlock();
            cursor.setBracketDepth(outerBrackets);
        }
        return cursor.located(new BlockNode(statements.toArray(HLStatementNode[]::new)), open);
    }

    private HLStatementNode parseVar() {
        Token keyword = cursor.next();
        boolean constant = keyword.text().equals("const");
        Token name = cursor.expect(TokenKind.IDENTIFIER, "a name after '" + keyword.text() + "'");
        HLExpressionNode value;
        if (cursor.match(TokenKind.ASSIGN)) {
            value = expressions.parseExpression();
        } else if (constant) {
            throw cursor.error(cursor.peek(), "a constant needs a value: 'const " + name.text() + " = ...'");
        } else {
            value = cursor.located(new LiteralNode(HLNull.SINGLETON), name);
        }
        if (factory.declaresGlobals()) {
            WriteGlobalNode.Mode mode = constant ? WriteGlobalNode.Mode.DECLARE_CONST : WriteGlobalNode.Mode.DECLARE_VAR;
            return cursor.located(factory.createGlobalDeclaration(name, mode, value, cursor.modelSource()), keyword);
        }
        if (constant) {
            throw cursor.error(keyword, "constants can only be declared at the top level; use 'var' here");
        }
        if (factory.declaredInCurrentBlock(name.text())) {
            throw cursor.error(name, "'" + name.text() + "' is already declared in this block");
        }
        return cursor.located(factory.createLocalDeclaration(name, value), keyword);
    }

    private HLStatementNode parseIf() {
        Token keyword = cursor.next();
        ConditionNode condition = parseParenthesizedCondition("if");
        HLStatementNode then = parseBranch();
        HLStatementNode otherwise = null;
        if (cursor.peek().isKeyword("else")) {
            cursor.advance();
            otherwise = parseBranch();
        }
        return cursor.located(new IfNode(condition, then, otherwise), keyword);
    }

    /** The body of an if/else/while/for: a block or one statement, in its own scope. */
    private HLStatementNode parseBranch() {
        if (cursor.peek().is(TokenKind.LEFT_BRACE)) {
            return parseBlock();
        }
        if (cursor.peek().is(TokenKind.EOF)) {
            throw cursor.incomplete(cursor.peek(), "a statement or '{' expected");
        }
        factory.enterBlock();
        try {
            return parseStatement();
        } finally {
            factory.exitBlock();
        }
    }

    private ConditionNode parseParenthesizedCondition(String keyword) {
        cursor.expect(TokenKind.LEFT_PAREN, "'(' after '" + keyword + "'");
        cursor.openBracket();
        HLExpressionNode condition = expressions.parseExpression();
        cursor.closeBracket();
        cursor.expect(TokenKind.RIGHT_PAREN, "')' after the condition of '" + keyword + "'");
        return new ConditionNode(condition, "the condition of '" + keyword + "'");
    }

    private HLStatementNode parseWhile() {
        Token keyword = cursor.next();
        ConditionNode condition = parseParenthesizedCondition("while");
        factory.enterLoop();
        try {
            return cursor.located(new WhileNode(condition, parseBranch()), keyword);
        } finally {
            factory.exitLoop();
        }
    }

    private HLStatementNode parseFor() {
        Token keyword = cursor.next();
        boolean parenthesized = cursor.match(TokenKind.LEFT_PAREN);
        if (parenthesized) {
            cursor.openBracket();
        }
        Token variable = cursor.expect(TokenKind.IDENTIFIER, "a loop variable after 'for'");
        if (!cursor.peek().isKeyword("in")) {
            throw cursor.error(cursor.peek(), "expected 'in' after the loop variable, found " + cursor.peek().describe()
                    + " (write: for x in list { ... })");
        }
        cursor.advance();
        HLExpressionNode iterable = expressions.parseExpression();
        if (parenthesized) {
            cursor.closeBracket();
            cursor.expect(TokenKind.RIGHT_PAREN, "')' after the for-in header");
        }
        factory.enterBlock();
        factory.enterLoop();
        try {
            int variableSlot = factory.declareLocal(variable.text());
            HLStatementNode body = parseBranch();
            return cursor.located(new ForInNode(variableSlot, iterable, body), keyword);
        } finally {
            factory.exitLoop();
            factory.exitBlock();
        }
    }

    private HLStatementNode parseReturn() {
        Token keyword = cursor.next();
        if (factory.isTopLevel()) {
            throw cursor.error(keyword, "'return' outside of a function");
        }
        HLExpressionNode value = null;
        Token token = cursor.peek();
        if (!token.newlineBefore() && !token.is(TokenKind.SEMICOLON) && !token.is(TokenKind.RIGHT_BRACE) && !token.is(TokenKind.EOF)) {
            value = expressions.parseExpression();
        }
        return cursor.located(new ReturnNode(value), keyword);
    }

    private HLStatementNode parseExpressionStatement() {
        Token start = cursor.peek();
        HLExpressionNode target = expressions.parseExpression();
        Token operator = cursor.peek();
        switch (operator.kind()) {
            case ASSIGN -> {
                cursor.advance();
                return assignment(target, expressions.parseExpression(), start, operator);
            }
            case PLUS_ASSIGN, MINUS_ASSIGN, OR_ASSIGN, AND_ASSIGN -> {
                cursor.advance();
                HLExpressionNode value = expressions.parseExpression();
                HLExpressionNode read = reread(target, operator);
                HLExpressionNode combined = switch (operator.kind()) {
                    case PLUS_ASSIGN -> AddNodeGen.create(read, value);
                    case MINUS_ASSIGN -> SubNodeGen.create(read, value);
                    case OR_ASSIGN -> BitOrNodeGen.create(read, value);
                    default -> BitAndNodeGen.create(read, value);
                };
                return assignment(target, cursor.located(combined, start), start, operator);
            }
            case PLUS_PLUS, MINUS_MINUS -> {
                if (operator.newlineBefore()) {
                    return target;
                }
                cursor.advance();
                HLExpressionNode one = cursor.located(new LongLiteralNode(1), operator);
                HLExpressionNode read = reread(target, operator);
                HLExpressionNode combined = operator.is(TokenKind.PLUS_PLUS) ? AddNodeGen.create(read, one) : SubNodeGen.create(read, one);
                return assignment(target, cursor.located(combined, start), start, operator);
            }
            default -> {
                return target;
            }
        }
    }

    private HLExpressionNode reread(HLExpressionNode target, Token operator) {
        HLExpressionNode read = factory.createReread(target);
        if (read == null) {
            throw cursor.error(operator, "the left side of '" + operator.text() + "' must be a variable, a field or a list element");
        }
        return read;
    }

    private HLExpressionNode assignment(HLExpressionNode target, HLExpressionNode value, Token start, Token operator) {
        HLExpressionNode node = factory.createAssignment(target, value);
        if (node == null) {
            throw cursor.error(operator, "cannot assign to this expression: the left side of '" + operator.text()
                    + "' must be a variable, a field or a list element");
        }
        return cursor.located(node, start);
    }

    /** A statement ends at ';', at '}', at the end of input, or at a line break. */
    void expectEndOfStatement() {
        Token token = cursor.peek();
        if (token.is(TokenKind.SEMICOLON)) {
            cursor.advance();
            return;
        }
        if (token.is(TokenKind.EOF) || token.is(TokenKind.RIGHT_BRACE) || token.newlineBefore()) {
            return;
        }
        throw cursor.error(token, "expected the end of the statement (a line break or ';'), found " + token.describe());
    }
}
