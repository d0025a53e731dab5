package org.hotlock.parser;

import com.oracle.truffle.api.RootCallTarget;
import org.hotlock.check.Rule.Trigger;
import org.hotlock.kernel.LockMode;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.HLStatementNode;
import org.hotlock.nodes.controlflow.BlockNode;
import org.hotlock.nodes.declaration.ExpectNode;
import org.hotlock.nodes.declaration.FunctionDeclarationNode;
import org.hotlock.nodes.declaration.KernelDeclarationNode;
import org.hotlock.nodes.declaration.MachineDeclarationNode;
import org.hotlock.nodes.declaration.MachineEntryNode;
import org.hotlock.nodes.declaration.RuleDeclarationNode;
import org.hotlock.nodes.declaration.RuleDeclarationNode.ClauseSpec;
import org.hotlock.nodes.declaration.RuleDeclarationNode.ConditionSpec;
import org.hotlock.nodes.declaration.ScenarioNode;
import org.hotlock.nodes.declaration.SharedDeclarationNode;
import org.hotlock.nodes.declaration.StructDeclarationNode;
import org.hotlock.nodes.declaration.ThreadDeclarationNode;
import org.hotlock.nodes.expression.LiteralNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the top-level declarations: {@code fn}, {@code struct}, and the declarations of the
 * kernel model and its checks ({@code kernel}, {@code machine}, {@code thread}, {@code rule},
 * {@code shared}, {@code expect}, and the scenarios {@code run}, {@code explore}, {@code pct}).
 * Each method starts at the declaration's first word; which shape is a declaration is decided
 * by the caller, since most of those words are contextual.
 */
final class DeclarationParser {
    /** Statements that run declared threads together: {@code explore { probe, admin }}. */
    static final Set<String> SCENARIO_MODES = Set.of("run", "explore", "pct");

    private static final List<String> EXPECTATIONS = List.of("clean", "violation", "race", "cycle", "guarded_cycle",
            "recursive_locking", "bad_unlock", "deadlock", "bug", "invariant", "warning", "error", "step_bound");

    /** Machine settings whose bare-word values are names, not variables: {@code platform acpi}. */
    private static final Set<String> WORD_KEYS = Set.of("platform", "driver", "drivers");

    private final TokenCursor cursor;
    private final NodeFactory factory;
    private final ExpressionParser expressions;
    private final StatementParser statements;

    DeclarationParser(TokenCursor cursor, NodeFactory factory, ExpressionParser expressions, StatementParser statements) {
        this.cursor = cursor;
        this.factory = factory;
        this.expressions = expressions;
        this.statements = statements;
    }

    /** {@code [patch] fn NAME(...) { }}; {@code patch} is a contextual word (spec/grammar.md). */
    FunctionDeclarationNode parseFunction() {
        Token start = cursor.peek();
        boolean patch = !start.isKeyword("fn");
        if (patch) {
            cursor.advance();
        }
        Token keyword = cursor.expectKeyword("fn");
        if (!factory.isTopLevel() || !factory.declaresGlobals()) {
            throw cursor.error(keyword, "functions can only be declared at the top level");
        }
        Token name = cursor.expect(TokenKind.IDENTIFIER, "a function name after 'fn'");
        cursor.expect(TokenKind.LEFT_PAREN, "'(' after the function name");
        List<Token> parameters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (!cursor.peek().is(TokenKind.RIGHT_PAREN)) {
            do {
                Token parameter = cursor.expect(TokenKind.IDENTIFIER, "a parameter name");
                if (!seen.add(parameter.text())) {
                    throw cursor.error(parameter, "duplicate parameter '" + parameter.text() + "'");
                }
                parameters.add(parameter);
            } while (cursor.match(TokenKind.COMMA));
        }
        cursor.expect(TokenKind.RIGHT_PAREN, "')' after the parameters");
        RootCallTarget target = parseBody(name.text(), keyword, parameters);
        return cursor.located(new FunctionDeclarationNode(name.text(), target, parameters.size(), cursor.modelSource(), patch), start);
    }

    /**
     * Parses a brace-delimited body as a function of its own (a {@code fn}, a thread body):
     * fresh locals, parameters copied from the arguments into slots.
     */
    private RootCallTarget parseBody(String name, Token start, List<Token> parameters) {
        int outerBrackets = cursor.bracketDepth();
        factory.enterFunction();
        cursor.setBracketDepth(0);
        try {
            List<HLStatementNode> body = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                body.add(factory.createParameter(parameters.get(i), i));
            }
            Token brace = cursor.peek();
            body.add(statements.parseBlock());
            BlockNode block = new BlockNode(body.toArray(HLStatementNode[]::new));
            block.setSourceSection(brace.start(), cursor.endOfPrevious() - brace.start());
            return factory.createFunction(name, block, cursor.sectionFrom(start));
        } finally {
            factory.exitFunction();
            cursor.setBracketDepth(outerBrackets);
        }
    }

    StructDeclarationNode parseStruct() {
        Token keyword = cursor.expectKeyword("struct");
        if (!factory.declaresGlobals()) {
            throw cursor.error(keyword, "structs can only be declared at the top level");
        }
        Token name = cursor.expect(TokenKind.IDENTIFIER, "a struct name after 'struct'");
        cursor.expect(TokenKind.LEFT_BRACE, "'{' to open the fields of struct " + name.text());
        List<String> fields = new ArrayList<>();
        List<HLExpressionNode> defaults = new ArrayList<>();
        while (!cursor.peek().is(TokenKind.RIGHT_BRACE)) {
            Token field = cursor.expect(TokenKind.IDENTIFIER, "a field name or '}'");
            if (fields.contains(field.text())) {
                throw cursor.error(field, "duplicate field '" + field.text() + "' in struct " + name.text());
            }
            fields.add(field.text());
            defaults.add(cursor.match(TokenKind.ASSIGN) ? expressions.parseExpression() : null);
            Token next = cursor.peek();
            if (!cursor.match(TokenKind.COMMA) && !cursor.match(TokenKind.SEMICOLON) && !next.is(TokenKind.RIGHT_BRACE) && !next.newlineBefore()) {
                throw cursor.error(next, "expected ',', ';', a line break or '}' after field '" + field.text() + "', found " + next.describe());
            }
        }
        cursor.expect(TokenKind.RIGHT_BRACE, "'}'");
        return cursor.located(new StructDeclarationNode(name.text(), fields, defaults.toArray(HLExpressionNode[]::new), cursor.modelSource()), keyword);
    }

    /** {@code kernel "4.19"}: the kernel model to load. */
    KernelDeclarationNode parseKernel() {
        Token start = cursor.next();
        Token version = cursor.next();
        return cursor.located(new KernelDeclarationNode((String) version.value()), start);
    }

    /** {@code thread NAME { ... }}: a body that scenarios run as a thread. */
    ThreadDeclarationNode parseThread() {
        Token start = cursor.next();
        Token name = cursor.next();
        RootCallTarget body = parseBody(name.text(), start, List.of());
        return cursor.located(new ThreadDeclarationNode(name.text(), body), start);
    }

    /** {@code explore { probe, admin } expect deadlock}: threads run together, with what to expect. */
    ScenarioNode parseScenario() {
        Token start = cursor.next();
        cursor.expect(TokenKind.LEFT_BRACE, "'{'");
        int outerBrackets = cursor.bracketDepth();
        cursor.setBracketDepth(1);
        List<HLExpressionNode> threads = new ArrayList<>();
        while (!cursor.peek().is(TokenKind.RIGHT_BRACE)) {
            if (cursor.peek().is(TokenKind.EOF)) {
                throw cursor.incomplete(cursor.peek(), "'}' expected to close the thread list of '" + start.text() + "'");
            }
            if (!threads.isEmpty()) {
                cursor.expect(TokenKind.COMMA, "',' between threads");
            }
            threads.add(expressions.parseExpression());
        }
        cursor.setBracketDepth(outerBrackets);
        cursor.advance();
        List<String> expected = null;
        Token next = cursor.peek();
        if (next.is(TokenKind.IDENTIFIER) && next.text().equals("expect") && !next.newlineBefore()) {
            cursor.advance();
            expected = parseExpectations();
        }
        return cursor.located(new ScenarioNode(start.text(), threads.toArray(HLExpressionNode[]::new), expected), start);
    }

    /** {@code expect clean}: what the findings since the last expectation should be. */
    ExpectNode parseExpect() {
        Token start = cursor.next();
        return cursor.located(new ExpectNode(parseExpectations()), start);
    }

    /** {@code violation(R3), race(zone.present_pages), clean}: what a scenario expects. */
    private List<String> parseExpectations() {
        List<String> items = new ArrayList<>();
        do {
            Token word = cursor.expect(TokenKind.IDENTIFIER,
                    "an expectation: clean, violation(RULE), race(struct.field), cycle, guarded_cycle, deadlock, bug, invariant, warning, error");
            if (!EXPECTATIONS.contains(word.text())) {
                throw cursor.error(word, "unknown expectation '" + word.text() + "' (known: " + String.join(", ", EXPECTATIONS) + ")");
            }
            String item = word.text();
            boolean race = word.text().equals("race");
            if (race || word.text().equals("violation")) {
                cursor.expect(TokenKind.LEFT_PAREN, "'(' after " + word.text());
                String argument = cursor.expect(TokenKind.IDENTIFIER,
                        race ? "a struct name, as in race(zone.present_pages)" : "a rule name, as in violation(R3)").text();
                if (race) {
                    cursor.expect(TokenKind.DOT, "'.' between the struct and the field");
                    argument += "." + cursor.expect(TokenKind.IDENTIFIER, "a field name").text();
                }
                cursor.expect(TokenKind.RIGHT_PAREN, "')'");
                item += "(" + argument + ")";
            }
            items.add(item);
        } while (cursor.match(TokenKind.COMMA));
        return items;
    }

    /**
     * {@code shared zone.present_pages}: a struct field whose accesses from different threads are
     * checked for races; {@code shared atomic page_pin.pinned}: one accessed atomically (steps, no races).
     */
    SharedDeclarationNode parseShared() {
        Token start = cursor.next();
        boolean atomic = cursor.peek().is(TokenKind.IDENTIFIER) && cursor.peek().text().equals("atomic")
                && cursor.lookahead(1).is(TokenKind.IDENTIFIER) && cursor.lookahead(2).is(TokenKind.DOT);
        if (atomic) {
            cursor.advance();
        }
        Token type = cursor.next();
        cursor.advance();
        Token field = cursor.expect(TokenKind.IDENTIFIER, "a field name after '" + type.text() + ".'");
        return cursor.located(new SharedDeclarationNode(type.text(), field.text(), atomic, cursor.modelSource()), start);
    }

    /**
     * {@code rule NAME "text" { on call f, g require held(lock) ; on write zone.present_pages
     * require held(lock, write) ; order a before b }}. The lock expressions of all clauses go in
     * one list; the clauses refer to them by index.
     */
    RuleDeclarationNode parseRule() {
        Token start = cursor.next();
        Token name = cursor.expect(TokenKind.IDENTIFIER, "a rule name");
        Token text = cursor.expect(TokenKind.STRING, "the rule's text in quotes");
        cursor.expect(TokenKind.LEFT_BRACE, "'{' to open the rule");
        List<ClauseSpec> clauses = new ArrayList<>();
        List<HLExpressionNode> locks = new ArrayList<>();
        int outerBrackets = cursor.bracketDepth();
        cursor.setBracketDepth(0);
        try {
            while (!cursor.peek().is(TokenKind.RIGHT_BRACE)) {
                if (cursor.match(TokenKind.SEMICOLON)) {
                    continue;
                }
                if (cursor.peek().is(TokenKind.EOF)) {
                    throw cursor.incomplete(cursor.peek(), "'}' expected to close rule " + name.text());
                }
                Token word = cursor.expect(TokenKind.IDENTIFIER, "'on' or 'order' in a rule");
                if (word.text().equals("order")) {
                    clauses.add(parseOrderClause(locks));
                } else if (word.text().equals("on")) {
                    clauses.add(parseOnClause(locks));
                } else {
                    throw cursor.error(word, "expected 'on' or 'order' in a rule, found " + word.describe());
                }
                statements.expectEndOfStatement();
            }
            cursor.advance();
        } finally {
            cursor.setBracketDepth(outerBrackets);
        }
        return cursor.located(new RuleDeclarationNode(name.text(), (String) text.value(), clauses, locks.toArray(HLExpressionNode[]::new)), start);
    }

    /** {@code order a before b}, after the word {@code order}. */
    private ClauseSpec parseOrderClause(List<HLExpressionNode> locks) {
        locks.add(expressions.parseExpression());
        Token before = cursor.expect(TokenKind.IDENTIFIER, "'before' in 'order a before b'");
        if (!before.text().equals("before")) {
            throw cursor.error(before, "expected 'before' in 'order a before b', found " + before.describe());
        }
        locks.add(expressions.parseExpression());
        return new ClauseSpec(Trigger.ORDER, List.of(), List.of(), locks.size() - 2, locks.size() - 1);
    }

    /** {@code on call f, g require held(lock), not held(other)}, after the word {@code on}. */
    private ClauseSpec parseOnClause(List<HLExpressionNode> locks) {
        Token triggerWord = cursor.expect(TokenKind.IDENTIFIER, "call, write or read after 'on'");
        Trigger trigger = switch (triggerWord.text()) {
            case "call" -> Trigger.CALL;
            case "write" -> Trigger.WRITE;
            case "read" -> Trigger.READ;
            default -> throw cursor.error(triggerWord, "expected call, write or read after 'on', found " + triggerWord.describe());
        };
        List<String> targets = new ArrayList<>();
        do {
            Token target = cursor.expect(TokenKind.IDENTIFIER, trigger == Trigger.CALL ? "a function name" : "a field as struct.field");
            if (trigger != Trigger.CALL) {
                cursor.expect(TokenKind.DOT, "'.' in struct.field");
                targets.add(target.text() + "." + cursor.expect(TokenKind.IDENTIFIER, "a field name").text());
            } else {
                targets.add(target.text());
            }
        } while (cursor.match(TokenKind.COMMA));
        Token require = cursor.expect(TokenKind.IDENTIFIER, "'require'");
        if (!require.text().equals("require")) {
            throw cursor.error(require, "expected 'require', found " + require.describe());
        }
        List<ConditionSpec> conditions = new ArrayList<>();
        do {
            conditions.add(parseHeldCondition(locks));
        } while (cursor.match(TokenKind.COMMA));
        return new ClauseSpec(trigger, targets, conditions, -1, -1);
    }

    /** {@code held(lock)}, {@code not held(lock, read)}. */
    private ConditionSpec parseHeldCondition(List<HLExpressionNode> locks) {
        boolean negated = false;
        Token held = cursor.expect(TokenKind.IDENTIFIER, "held(lock) or not held(lock)");
        if (held.text().equals("not")) {
            negated = true;
            held = cursor.expect(TokenKind.IDENTIFIER, "held after 'not'");
        }
        if (!held.text().equals("held")) {
            throw cursor.error(held, "expected held(lock), found " + held.describe());
        }
        cursor.expect(TokenKind.LEFT_PAREN, "'(' after held");
        cursor.openBracket();
        locks.add(expressions.parseExpression());
        LockMode mode = null;
        if (cursor.match(TokenKind.COMMA)) {
            Token modeWord = cursor.expect(TokenKind.IDENTIFIER, "read or write");
            mode = switch (modeWord.text()) {
                case "read" -> LockMode.READ;
                case "write" -> LockMode.WRITE;
                default -> throw cursor.error(modeWord, "expected read or write, found " + modeWord.describe());
            };
        }
        cursor.closeBracket();
        cursor.expect(TokenKind.RIGHT_PAREN, "')'");
        return new ConditionSpec(negated, locks.size() - 1, mode);
    }

    /** {@code machine NAME { platform acpi; node 0 { boot 0..1G } }}. */
    MachineDeclarationNode parseMachine() {
        Token start = cursor.next();
        Token name = cursor.next();
        MachineEntryNode[] entries = parseMachineEntries();
        return cursor.located(new MachineDeclarationNode(name.text(), entries), start);
    }

    /** {@code { key value, value ; key value { ... } }}: the body of a machine declaration. */
    private MachineEntryNode[] parseMachineEntries() {
        cursor.enterNesting();
        try {
            Token open = cursor.expect(TokenKind.LEFT_BRACE, "'{'");
            int outerBrackets = cursor.bracketDepth();
            cursor.setBracketDepth(0);
            try {
                List<MachineEntryNode> entries = new ArrayList<>();
                while (!cursor.peek().is(TokenKind.RIGHT_BRACE)) {
                    if (cursor.match(TokenKind.SEMICOLON)) {
                        continue;
                    }
                    if (cursor.peek().is(TokenKind.EOF)) {
                        throw cursor.incomplete(cursor.peek(), "'}' expected to close the machine declaration opened at line " + cursor.lineOf(open));
                    }
                    entries.add(parseMachineEntry());
                    statements.expectEndOfStatement();
                }
                cursor.advance();
                return entries.toArray(MachineEntryNode[]::new);
            } finally {
                cursor.setBracketDepth(outerBrackets);
            }
        } finally {
            cursor.exitNesting();
        }
    }

    private MachineEntryNode parseMachineEntry() {
        Token key = cursor.expect(TokenKind.IDENTIFIER, "a machine setting (platform, block_size, node, auto_online, drivers) or '}'");
        List<HLExpressionNode> values = new ArrayList<>();
        while (!atEntryEnd()) {
            if (!values.isEmpty() && !cursor.match(TokenKind.COMMA)) {
                throw cursor.error(cursor.peek(), "expected ',' between the values of '" + key.text() + "', found " + cursor.peek().describe());
            }
            Token value = cursor.peek();
            if (WORD_KEYS.contains(key.text()) && value.is(TokenKind.IDENTIFIER)) {
                cursor.advance();
                values.add(cursor.located(new LiteralNode(value.text()), value));
            } else {
                values.add(expressions.parseExpression());
            }
        }
        MachineEntryNode[] children = cursor.peek().is(TokenKind.LEFT_BRACE) ? parseMachineEntries() : new MachineEntryNode[0];
        return cursor.located(new MachineEntryNode(key.text(), values.toArray(HLExpressionNode[]::new), children), key);
    }

    private boolean atEntryEnd() {
        Token token = cursor.peek();
        return token.is(TokenKind.SEMICOLON) || token.is(TokenKind.RIGHT_BRACE) || token.is(TokenKind.LEFT_BRACE) || token.is(TokenKind.EOF)
                || token.newlineBefore();
    }
}
