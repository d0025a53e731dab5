package org.hotlock.parser;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.source.Source;
import org.hotlock.HotLockLanguage;
import org.hotlock.check.Rule.Trigger;
import org.hotlock.kernel.LockMode;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.HLRootNode;
import org.hotlock.nodes.HLStatementNode;
import org.hotlock.nodes.controlflow.BlockNode;
import org.hotlock.nodes.declaration.FunctionDeclarationNode;
import org.hotlock.nodes.declaration.KernelDeclarationNode;
import org.hotlock.nodes.declaration.MachineDeclarationNode;
import org.hotlock.nodes.declaration.MachineEntryNode;
import org.hotlock.nodes.declaration.ExpectNode;
import org.hotlock.nodes.declaration.RuleDeclarationNode;
import org.hotlock.nodes.declaration.SharedDeclarationNode;
import org.hotlock.nodes.declaration.ScenarioNode;
import org.hotlock.nodes.declaration.ThreadDeclarationNode;
import org.hotlock.nodes.declaration.StructDeclarationNode;
import org.hotlock.nodes.expression.LiteralNode;
import org.hotlock.nodes.local.WriteGlobalNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser that builds the Truffle AST directly. Statements end at a line
 * break when they are complete, or at {@code ;}. The parser reports the first error exactly and
 * keeps going at the next top-level snippet to report more (up to {@link #MAX_ERRORS}).
 * The grammar is written down in {@code spec/grammar.md}; keep the two in step.
 */
public final class Parser {
    public static final int MAX_ERRORS = 10;
    /** Nesting deeper than this is refused: the parser recurses, and the JVM stack is finite. */
    public static final int MAX_NESTING = TokenCursor.MAX_NESTING;

    private final Source source;
    private final TokenCursor cursor;
    private final NodeFactory factory;
    private final ExpressionParser expressionParser;
    private final StatementParser statementParser;
    private final List<SyntaxErrorException> errors = new ArrayList<>();

    public Parser(HotLockLanguage language, Source source) {
        this.source = source;
        this.cursor = new TokenCursor(source);
        this.factory = new NodeFactory(language, source);
        this.expressionParser = new ExpressionParser(cursor, factory);
        this.statementParser = new StatementParser(cursor, factory, expressionParser);
    }

    /** The kind of each top-level snippet, as the REPL reports it ("created fn f", "$1 ==> 3"). */
    public enum SnippetKind { FUNCTION, STRUCT, VARIABLE, CONSTANT, EXPRESSION, STATEMENT, DECLARATION }

    /** One parsed top-level snippet: its kind, the name it declares (if any) and its text. */
    public record Snippet(SnippetKind kind, String name, int start, int end) {
    }

    private final List<Snippet> snippets = new ArrayList<>();

    public List<Snippet> snippets() {
        return snippets;
    }

    // ---------------------------------------------------------------- program

    public HLRootNode parseProgram() {
        Lexer lexer;
        try {
            lexer = new Lexer(source);
            cursor.start(lexer.tokenize());
        } catch (SyntaxErrorException e) {
            throw e.withOthers(List.of(e));
        }
        factory.resetToTopLevel();
        List<HLStatementNode> declarations = new ArrayList<>();
        List<HLStatementNode> statements = new ArrayList<>();
        while (!cursor.peek().is(TokenKind.EOF)) {
            int before = cursor.position();
            try {
                parseTopLevel(declarations, statements);
            } catch (SyntaxErrorException e) {
                errors.add(e);
                if (errors.size() >= MAX_ERRORS || e.isIncomplete()) {
                    break;
                }
                cursor.skipToNextLine(before);
                factory.resetToTopLevel();
            }
        }
        if (!lexer.errors().isEmpty()) {
            // A parse error right at a token the lexer already complained about adds nothing.
            Set<Integer> lexical = new HashSet<>();
            for (SyntaxErrorException e : lexer.errors()) {
                lexical.add(e.section().getCharIndex());
            }
            errors.removeIf(e -> lexical.contains(e.section().getCharIndex()));
            errors.addAll(lexer.errors());
            errors.sort(Comparator.comparingInt(e -> e.section().getCharIndex()));
        }
        if (!errors.isEmpty()) {
            List<SyntaxErrorException> reported = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
            throw reported.getFirst().withOthers(reported);
        }
        return factory.createProgram(declarations, statements);
    }

    private void parseTopLevel(List<HLStatementNode> declarations, List<HLStatementNode> statements) {
        Token start = cursor.peek();
        if (start.is(TokenKind.SEMICOLON)) {
            cursor.advance();
            return;
        }
        if (start.isKeyword("fn")) {
            FunctionDeclarationNode fn = parseFunction();
            for (Snippet earlier : snippets) {
                if (earlier.kind() == SnippetKind.FUNCTION && earlier.name().equals(fn.name())) {
                    throw new SyntaxErrorException("function '" + fn.name() + "' is already declared in this file, at line "
                            + source.getLineNumber(earlier.start()), source.createSection(start.start(), start.length()), false);
                }
            }
            declarations.add(fn);
            snippets.add(new Snippet(SnippetKind.FUNCTION, fn.name(), start.start(), cursor.previous().start() + cursor.previous().length()));
        } else if (start.isKeyword("struct")) {
            StructDeclarationNode struct = parseStruct();
            declarations.add(struct);
            snippets.add(new Snippet(SnippetKind.STRUCT, struct.name(), start.start(), cursor.previous().start() + cursor.previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("kernel") && cursor.lookahead(1).is(TokenKind.STRING) && !cursor.lookahead(1).newlineBefore()) {
            cursor.advance();
            Token version = cursor.next();
            // The model loads before the script's own functions are installed, so a script
            // can redefine a model function: that is how a patched kernel is tried.
            int kernels = 0;
            while (kernels < declarations.size() && declarations.get(kernels) instanceof KernelDeclarationNode) {
                kernels++;
            }
            declarations.add(kernels, cursor.located(new KernelDeclarationNode((String) version.value()), start));
            snippets.add(new Snippet(SnippetKind.DECLARATION, "kernel " + version.value(), start.start(), cursor.previous().start() + cursor.previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("thread") && cursor.lookahead(1).is(TokenKind.IDENTIFIER)
                && cursor.lookahead(2).is(TokenKind.LEFT_BRACE)) {
            cursor.advance();
            Token name = cursor.next();
            RootCallTarget body = parseBody(name.text(), start, List.of());
            statements.add(cursor.located(new ThreadDeclarationNode(name.text(), body), start));
            snippets.add(new Snippet(SnippetKind.DECLARATION, "thread " + name.text(), start.start(), cursor.previous().start() + cursor.previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && SCENARIO_MODES.contains(start.text()) && cursor.lookahead(1).is(TokenKind.LEFT_BRACE)) {
            cursor.advance();
            cursor.expect(TokenKind.LEFT_BRACE, "'{'");
            int outer = cursor.bracketDepth();
            cursor.setBracketDepth(1);
            List<HLExpressionNode> threads = new ArrayList<>();
            while (!cursor.peek().is(TokenKind.RIGHT_BRACE)) {
                if (cursor.peek().is(TokenKind.EOF)) {
                    throw cursor.incomplete(cursor.peek(), "'}' expected to close the thread list of '" + start.text() + "'");
                }
                if (!threads.isEmpty()) {
                    cursor.expect(TokenKind.COMMA, "',' between threads");
                }
                threads.add(expressionParser.parseExpression());
            }
            cursor.setBracketDepth(outer);
            cursor.advance();
            List<String> expected = null;
            if (cursor.peek().is(TokenKind.IDENTIFIER) && cursor.peek().text().equals("expect") && !cursor.peek().newlineBefore()) {
                cursor.advance();
                expected = parseExpectations();
            }
            statements.add(cursor.located(new ScenarioNode(start.text(), threads.toArray(HLExpressionNode[]::new), expected), start));
            snippets.add(new Snippet(SnippetKind.STATEMENT, start.text(), start.start(), cursor.previous().start() + cursor.previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("expect") && cursor.lookahead(1).is(TokenKind.IDENTIFIER)
                && !cursor.lookahead(1).newlineBefore()) {
            cursor.advance();
            statements.add(cursor.located(new ExpectNode(parseExpectations()), start));
            snippets.add(new Snippet(SnippetKind.STATEMENT, "expect", start.start(), cursor.previous().start() + cursor.previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("shared") && cursor.lookahead(1).is(TokenKind.IDENTIFIER)
                && cursor.lookahead(2).is(TokenKind.DOT)) {
            cursor.advance();
            Token type = cursor.next();
            cursor.advance();
            Token field = cursor.expect(TokenKind.IDENTIFIER, "a field name after '" + type.text() + ".'");
            statements.add(cursor.located(new SharedDeclarationNode(type.text(), field.text()), start));
            snippets.add(new Snippet(SnippetKind.DECLARATION, "shared " + type.text() + "." + field.text(), start.start(), cursor.previous().start() + cursor.previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("rule") && cursor.lookahead(1).is(TokenKind.IDENTIFIER)
                && cursor.lookahead(2).is(TokenKind.STRING)) {
            RuleDeclarationNode rule = parseRule();
            statements.add(rule);
            snippets.add(new Snippet(SnippetKind.DECLARATION, "rule " + rule.name(), start.start(), cursor.previous().start() + cursor.previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("machine") && cursor.lookahead(1).is(TokenKind.IDENTIFIER)
                && cursor.lookahead(2).is(TokenKind.LEFT_BRACE)) {
            cursor.advance();
            Token name = cursor.next();
            MachineEntryNode[] entries = parseMachineEntries();
            statements.add(cursor.located(new MachineDeclarationNode(name.text(), entries), start));
            snippets.add(new Snippet(SnippetKind.DECLARATION, "machine " + name.text(), start.start(), cursor.previous().start() + cursor.previous().length()));
        } else {
            HLStatementNode statement = statementParser.parseStatement();
            statements.add(statement);
            snippets.add(new Snippet(kindOf(statement), nameOf(statement), start.start(), cursor.previous().start() + cursor.previous().length()));
        }
        statementParser.expectEndOfStatement();
    }

    private static SnippetKind kindOf(HLStatementNode statement) {
        if (statement instanceof WriteGlobalNode w) {
            return switch (w.mode()) {
                case DECLARE_VAR -> SnippetKind.VARIABLE;
                case DECLARE_CONST -> SnippetKind.CONSTANT;
                case ASSIGN -> SnippetKind.EXPRESSION;
            };
        }
        return statement instanceof HLExpressionNode ? SnippetKind.EXPRESSION : SnippetKind.STATEMENT;
    }

    private static String nameOf(HLStatementNode statement) {
        return statement instanceof WriteGlobalNode w ? w.name() : null;
    }

    // ---------------------------------------------------------------- declarations

    private FunctionDeclarationNode parseFunction() {
        Token fnToken = cursor.expectKeyword("fn");
        if (!factory.isTopLevel() || !factory.declaresGlobals()) {
            throw cursor.error(fnToken, "functions can only be declared at the top level");
        }
        Token name = cursor.expect(TokenKind.IDENTIFIER, "a function name after 'fn'");
        cursor.expect(TokenKind.LEFT_PAREN, "'(' after the function name");
        List<Token> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (!cursor.peek().is(TokenKind.RIGHT_PAREN)) {
            do {
                Token p = cursor.expect(TokenKind.IDENTIFIER, "a parameter name");
                if (!seen.add(p.text())) {
                    throw cursor.error(p, "duplicate parameter '" + p.text() + "'");
                }
                params.add(p);
            } while (cursor.match(TokenKind.COMMA));
        }
        cursor.expect(TokenKind.RIGHT_PAREN, "')' after the parameters");
        RootCallTarget target = parseBody(name.text(), fnToken, params);
        FunctionDeclarationNode node = new FunctionDeclarationNode(name.text(), target, params.size());
        return cursor.located(node, fnToken);
    }

    /**
     * Parses a brace-delimited body as a function of its own (a {@code fn}, a thread body):
     * fresh locals, parameters copied from the arguments into slots.
     */
    public RootCallTarget parseBody(String name, Token start, List<Token> params) {
        int outerParens = cursor.bracketDepth();
        factory.enterFunction();
        cursor.setBracketDepth(0);
        try {
            List<HLStatementNode> body = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                body.add(factory.createParameter(params.get(i), i));
            }
            Token brace = cursor.peek();
            body.add(statementParser.parseBlock());
            BlockNode block = new BlockNode(body.toArray(HLStatementNode[]::new));
            block.setSourceSection(brace.start(), cursor.endOfPrevious() - brace.start());
            return factory.createFunction(name, block, source.createSection(start.start(), cursor.endOfPrevious() - start.start()));
        } finally {
            factory.exitFunction();
            cursor.setBracketDepth(outerParens);
        }
    }

    private StructDeclarationNode parseStruct() {
        Token structToken = cursor.expectKeyword("struct");
        if (!factory.declaresGlobals()) {
            throw cursor.error(structToken, "structs can only be declared at the top level");
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
            defaults.add(cursor.match(TokenKind.ASSIGN) ? expressionParser.parseExpression() : null);
            if (!cursor.match(TokenKind.COMMA) && !cursor.match(TokenKind.SEMICOLON) && !cursor.peek().is(TokenKind.RIGHT_BRACE) && !cursor.peek().newlineBefore()) {
                throw cursor.error(cursor.peek(), "expected ',', ';', a line break or '}' after field '" + field.text() + "', found " + cursor.peek().describe());
            }
        }
        cursor.expect(TokenKind.RIGHT_BRACE, "'}'");
        return cursor.located(new StructDeclarationNode(name.text(), fields, defaults.toArray(HLExpressionNode[]::new)), structToken);
    }

    /** Statements that run declared threads together: {@code explore { probe, admin }}. */
    private static final Set<String> SCENARIO_MODES = Set.of("run", "explore", "pct");

    /** {@code violation(R3), race(zone.present_pages), clean}: what a scenario expects. */
    private List<String> parseExpectations() {
        List<String> items = new ArrayList<>();
        do {
            Token word = cursor.expect(TokenKind.IDENTIFIER, "an expectation: clean, violation(RULE), race(struct.field), cycle, guarded_cycle, deadlock, bug, invariant, warning, error");
            if (!EXPECTATIONS.contains(word.text())) {
                throw cursor.error(word, "unknown expectation '" + word.text() + "' (known: " + String.join(", ", EXPECTATIONS) + ")");
            }
            String item = word.text();
            if (word.text().equals("violation") || word.text().equals("race")) {
                cursor.expect(TokenKind.LEFT_PAREN, "'(' after " + word.text());
                Token a = cursor.expect(TokenKind.IDENTIFIER, word.text().equals("race") ? "a struct name, as in race(zone.present_pages)" : "a rule name, as in violation(R3)");
                String arg = a.text();
                if (word.text().equals("race")) {
                    cursor.expect(TokenKind.DOT, "'.' between the struct and the field");
                    arg += "." + cursor.expect(TokenKind.IDENTIFIER, "a field name").text();
                }
                cursor.expect(TokenKind.RIGHT_PAREN, "')'");
                item += "(" + arg + ")";
            }
            items.add(item);
        } while (cursor.match(TokenKind.COMMA));
        return items;
    }

    private static final List<String> EXPECTATIONS = List.of("clean", "violation", "race", "cycle", "guarded_cycle", "deadlock",
            "bug", "invariant", "warning", "error", "step_bound");

    /**
     * {@code rule NAME "text" { on call f, g require held(lock) ; on write zone.present_pages
     * require held(lock, write) ; order a before b }}.
     */
    private RuleDeclarationNode parseRule() {
        Token start = cursor.next();
        Token name = cursor.expect(TokenKind.IDENTIFIER, "a rule name");
        Token text = cursor.expect(TokenKind.STRING, "the rule's text in quotes");
        cursor.expect(TokenKind.LEFT_BRACE, "'{' to open the rule");
        List<RuleDeclarationNode.ClauseSpec> clauses = new ArrayList<>();
        List<HLExpressionNode> locks = new ArrayList<>();
        int outer = cursor.bracketDepth();
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
                    locks.add(expressionParser.parseExpression());
                    Token before = cursor.expect(TokenKind.IDENTIFIER, "'before' in 'order a before b'");
                    if (!before.text().equals("before")) {
                        throw cursor.error(before, "expected 'before' in 'order a before b', found " + before.describe());
                    }
                    locks.add(expressionParser.parseExpression());
                    clauses.add(new RuleDeclarationNode.ClauseSpec(Trigger.ORDER, List.of(), List.of(),
                            locks.size() - 2, locks.size() - 1));
                } else if (word.text().equals("on")) {
                    Token trigger = cursor.expect(TokenKind.IDENTIFIER, "call, write or read after 'on'");
                    Trigger t = switch (trigger.text()) {
                        case "call" -> Trigger.CALL;
                        case "write" -> Trigger.WRITE;
                        case "read" -> Trigger.READ;
                        default -> throw cursor.error(trigger, "expected call, write or read after 'on', found " + trigger.describe());
                    };
                    List<String> targets = new ArrayList<>();
                    do {
                        Token target = cursor.expect(TokenKind.IDENTIFIER, t == Trigger.CALL ? "a function name" : "a field as struct.field");
                        if (t != Trigger.CALL) {
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
                    List<RuleDeclarationNode.ConditionSpec> conditions = new ArrayList<>();
                    do {
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
                        locks.add(expressionParser.parseExpression());
                        LockMode mode = null;
                        if (cursor.match(TokenKind.COMMA)) {
                            Token m = cursor.expect(TokenKind.IDENTIFIER, "read or write");
                            mode = switch (m.text()) {
                                case "read" -> LockMode.READ;
                                case "write" -> LockMode.WRITE;
                                default -> throw cursor.error(m, "expected read or write, found " + m.describe());
                            };
                        }
                        cursor.closeBracket();
                        cursor.expect(TokenKind.RIGHT_PAREN, "')'");
                        conditions.add(new RuleDeclarationNode.ConditionSpec(negated, locks.size() - 1, mode));
                    } while (cursor.match(TokenKind.COMMA));
                    clauses.add(new RuleDeclarationNode.ClauseSpec(t, targets, conditions, -1, -1));
                } else {
                    throw cursor.error(word, "expected 'on' or 'order' in a rule, found " + word.describe());
                }
                statementParser.expectEndOfStatement();
            }
            cursor.advance();
        } finally {
            cursor.setBracketDepth(outer);
        }
        return cursor.located(new RuleDeclarationNode(name.text(), (String) text.value(), clauses, locks.toArray(HLExpressionNode[]::new)), start);
    }

    /** Keys whose bare-word values are names, not variables: {@code platform acpi}. */
    private static final Set<String> WORD_KEYS = Set.of("platform", "driver", "drivers");

    /** {@code { key value, value ; key value { ... } }}: the body of a machine declaration. */
    private MachineEntryNode[] parseMachineEntries() {
        cursor.enterNesting();
        try {
            return parseMachineEntriesNested();
        } finally {
            cursor.exitNesting();
        }
    }

    private MachineEntryNode[] parseMachineEntriesNested() {
        Token open = cursor.expect(TokenKind.LEFT_BRACE, "'{'");
        int outerParens = cursor.bracketDepth();
        cursor.setBracketDepth(0);
        List<MachineEntryNode> entries = new ArrayList<>();
        try {
            while (!cursor.peek().is(TokenKind.RIGHT_BRACE)) {
                if (cursor.match(TokenKind.SEMICOLON)) {
                    continue;
                }
                if (cursor.peek().is(TokenKind.EOF)) {
                    throw cursor.incomplete(cursor.peek(), "'}' expected to close the machine declaration opened at line " + cursor.lineOf(open));
                }
                Token key = cursor.expect(TokenKind.IDENTIFIER, "a machine setting (platform, block_size, node, auto_online, drivers) or '}'");
                List<HLExpressionNode> values = new ArrayList<>();
                while (!atEntryEnd()) {
                    if (!values.isEmpty() && !cursor.match(TokenKind.COMMA)) {
                        throw cursor.error(cursor.peek(), "expected ',' between the values of '" + key.text() + "', found " + cursor.peek().describe());
                    }
                    Token v = cursor.peek();
                    if (WORD_KEYS.contains(key.text()) && v.is(TokenKind.IDENTIFIER)) {
                        cursor.advance();
                        values.add(cursor.located(new LiteralNode(v.text()), v));
                    } else {
                        values.add(expressionParser.parseExpression());
                    }
                }
                MachineEntryNode[] children = cursor.peek().is(TokenKind.LEFT_BRACE) ? parseMachineEntries() : new MachineEntryNode[0];
                entries.add(cursor.located(new MachineEntryNode(key.text(), values.toArray(HLExpressionNode[]::new), children), key));
                statementParser.expectEndOfStatement();
            }
            cursor.advance();
        } finally {
            cursor.setBracketDepth(outerParens);
        }
        return entries.toArray(MachineEntryNode[]::new);
    }

    private boolean atEntryEnd() {
        Token t = cursor.peek();
        return t.is(TokenKind.SEMICOLON) || t.is(TokenKind.RIGHT_BRACE) || t.is(TokenKind.LEFT_BRACE) || t.is(TokenKind.EOF) || t.newlineBefore();
    }
}
