package org.hotlock.parser;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.HotLockLanguage;
import org.hotlock.check.Rule.Trigger;
import org.hotlock.kernel.LockMode;
import org.hotlock.nodes.FunctionBodyNode;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.HLRootNode;
import org.hotlock.nodes.HLStatementNode;
import org.hotlock.nodes.ProgramNode;
import org.hotlock.nodes.call.InvokeNode;
import org.hotlock.nodes.controlflow.BlockNode;
import org.hotlock.nodes.controlflow.BreakNode;
import org.hotlock.nodes.controlflow.ContinueNode;
import org.hotlock.nodes.controlflow.ForInNode;
import org.hotlock.nodes.controlflow.IfNode;
import org.hotlock.nodes.controlflow.ReturnNode;
import org.hotlock.nodes.controlflow.WhileNode;
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
import org.hotlock.nodes.expression.*;
import org.hotlock.nodes.local.ReadArgumentNode;
import org.hotlock.nodes.local.ReadGlobalNode;
import org.hotlock.nodes.local.ReadLocalNode;
import org.hotlock.nodes.local.ReadLocalNodeGen;
import org.hotlock.nodes.local.WriteGlobalNode;
import org.hotlock.nodes.local.WriteLocalNodeGen;
import org.hotlock.runtime.HLNull;

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

    private final HotLockLanguage language;
    private final Source source;
    private List<Token> tokens;
    private int pos;
    private Scope scope;
    private int parenDepth;
    private final List<SyntaxErrorException> errors = new ArrayList<>();

    public Parser(HotLockLanguage language, Source source) {
        this.language = language;
        this.source = source;
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
            tokens = lexer.tokenize();
        } catch (SyntaxErrorException e) {
            throw e.withOthers(List.of(e));
        }
        pos = 0;
        scope = new Scope(true);
        List<HLStatementNode> declarations = new ArrayList<>();
        List<HLStatementNode> statements = new ArrayList<>();
        while (!peek().is(TokenKind.EOF)) {
            int before = pos;
            try {
                parseTopLevel(declarations, statements);
            } catch (SyntaxErrorException e) {
                errors.add(e);
                if (errors.size() >= MAX_ERRORS || e.isIncomplete()) {
                    break;
                }
                recover(before);
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
        ProgramNode program = new ProgramNode(declarations.toArray(HLStatementNode[]::new), statements.toArray(HLStatementNode[]::new));
        program.setSourceSection(0, source.getLength());
        return new HLRootNode(language, scope.build(), program, "main", source.createSection(0, source.getLength()));
    }

    /** Skips to the start of the next line that is outside any brace, to resume after an error. */
    private void recover(int from) {
        parenDepth = 0;
        nesting = 0;
        scope = new Scope(true);
        if (pos == from) {
            pos++;
        }
        int depth = 0;
        for (int i = from; i < pos && i < tokens.size(); i++) {
            if (tokens.get(i).is(TokenKind.LEFT_BRACE)) {
                depth++;
            } else if (tokens.get(i).is(TokenKind.RIGHT_BRACE)) {
                depth--;
            }
        }
        while (!peek().is(TokenKind.EOF)) {
            Token t = peek();
            if (depth <= 0 && t.newlineBefore()) {
                return;
            }
            if (t.is(TokenKind.LEFT_BRACE)) {
                depth++;
            } else if (t.is(TokenKind.RIGHT_BRACE)) {
                depth--;
            }
            pos++;
        }
    }

    private void parseTopLevel(List<HLStatementNode> declarations, List<HLStatementNode> statements) {
        Token start = peek();
        if (start.is(TokenKind.SEMICOLON)) {
            pos++;
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
            snippets.add(new Snippet(SnippetKind.FUNCTION, fn.name(), start.start(), previous().start() + previous().length()));
        } else if (start.isKeyword("struct")) {
            StructDeclarationNode struct = parseStruct();
            declarations.add(struct);
            snippets.add(new Snippet(SnippetKind.STRUCT, struct.name(), start.start(), previous().start() + previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("kernel") && lookahead(1).is(TokenKind.STRING) && !lookahead(1).newlineBefore()) {
            pos++;
            Token version = next();
            // The model loads before the script's own functions are installed, so a script
            // can redefine a model function: that is how a patched kernel is tried.
            int kernels = 0;
            while (kernels < declarations.size() && declarations.get(kernels) instanceof KernelDeclarationNode) {
                kernels++;
            }
            declarations.add(kernels, at(new KernelDeclarationNode((String) version.value()), start));
            snippets.add(new Snippet(SnippetKind.DECLARATION, "kernel " + version.value(), start.start(), previous().start() + previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("thread") && lookahead(1).is(TokenKind.IDENTIFIER)
                && lookahead(2).is(TokenKind.LEFT_BRACE)) {
            pos++;
            Token name = next();
            RootCallTarget body = parseBody(name.text(), start, List.of());
            statements.add(at(new ThreadDeclarationNode(name.text(), body), start));
            snippets.add(new Snippet(SnippetKind.DECLARATION, "thread " + name.text(), start.start(), previous().start() + previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && SCENARIO_MODES.contains(start.text()) && lookahead(1).is(TokenKind.LEFT_BRACE)) {
            pos++;
            expect(TokenKind.LEFT_BRACE, "'{'");
            int outer = parenDepth;
            parenDepth = 1;
            List<HLExpressionNode> threads = new ArrayList<>();
            while (!peek().is(TokenKind.RIGHT_BRACE)) {
                if (peek().is(TokenKind.EOF)) {
                    throw incomplete(peek(), "'}' expected to close the thread list of '" + start.text() + "'");
                }
                if (!threads.isEmpty()) {
                    expect(TokenKind.COMMA, "',' between threads");
                }
                threads.add(parseExpression());
            }
            parenDepth = outer;
            pos++;
            List<String> expected = null;
            if (peek().is(TokenKind.IDENTIFIER) && peek().text().equals("expect") && !peek().newlineBefore()) {
                pos++;
                expected = parseExpectations();
            }
            statements.add(at(new ScenarioNode(start.text(), threads.toArray(HLExpressionNode[]::new), expected), start));
            snippets.add(new Snippet(SnippetKind.STATEMENT, start.text(), start.start(), previous().start() + previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("expect") && lookahead(1).is(TokenKind.IDENTIFIER)
                && !lookahead(1).newlineBefore()) {
            pos++;
            statements.add(at(new ExpectNode(parseExpectations()), start));
            snippets.add(new Snippet(SnippetKind.STATEMENT, "expect", start.start(), previous().start() + previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("shared") && lookahead(1).is(TokenKind.IDENTIFIER)
                && lookahead(2).is(TokenKind.DOT)) {
            pos++;
            Token type = next();
            pos++;
            Token field = expect(TokenKind.IDENTIFIER, "a field name after '" + type.text() + ".'");
            statements.add(at(new SharedDeclarationNode(type.text(), field.text()), start));
            snippets.add(new Snippet(SnippetKind.DECLARATION, "shared " + type.text() + "." + field.text(), start.start(), previous().start() + previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("rule") && lookahead(1).is(TokenKind.IDENTIFIER)
                && lookahead(2).is(TokenKind.STRING)) {
            RuleDeclarationNode rule = parseRule();
            statements.add(rule);
            snippets.add(new Snippet(SnippetKind.DECLARATION, "rule " + rule.name(), start.start(), previous().start() + previous().length()));
        } else if (start.is(TokenKind.IDENTIFIER) && start.text().equals("machine") && lookahead(1).is(TokenKind.IDENTIFIER)
                && lookahead(2).is(TokenKind.LEFT_BRACE)) {
            pos++;
            Token name = next();
            MachineEntryNode[] entries = parseMachineEntries();
            statements.add(at(new MachineDeclarationNode(name.text(), entries), start));
            snippets.add(new Snippet(SnippetKind.DECLARATION, "machine " + name.text(), start.start(), previous().start() + previous().length()));
        } else {
            HLStatementNode statement = parseStatement();
            statements.add(statement);
            snippets.add(new Snippet(kindOf(statement), nameOf(statement), start.start(), previous().start() + previous().length()));
        }
        endOfStatement();
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
        Token fnToken = expectKeyword("fn");
        if (!scope.isTopLevel() || !scope.declaresGlobals()) {
            throw error(fnToken, "functions can only be declared at the top level");
        }
        Token name = expect(TokenKind.IDENTIFIER, "a function name after 'fn'");
        expect(TokenKind.LEFT_PAREN, "'(' after the function name");
        List<Token> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (!peek().is(TokenKind.RIGHT_PAREN)) {
            do {
                Token p = expect(TokenKind.IDENTIFIER, "a parameter name");
                if (!seen.add(p.text())) {
                    throw error(p, "duplicate parameter '" + p.text() + "'");
                }
                params.add(p);
            } while (match(TokenKind.COMMA));
        }
        expect(TokenKind.RIGHT_PAREN, "')' after the parameters");
        RootCallTarget target = parseBody(name.text(), fnToken, params);
        FunctionDeclarationNode node = new FunctionDeclarationNode(name.text(), target, params.size());
        return at(node, fnToken);
    }

    /**
     * Parses a brace-delimited body as a function of its own (a {@code fn}, a thread body):
     * fresh locals, parameters copied from the arguments into slots.
     */
    public RootCallTarget parseBody(String name, Token start, List<Token> params) {
        Scope outer = scope;
        int outerParens = parenDepth;
        scope = new Scope(false);
        parenDepth = 0;
        try {
            List<HLStatementNode> body = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                Token p = params.get(i);
                int slot = scope.declare(p.text());
                HLExpressionNode write = WriteLocalNodeGen.create(new ReadArgumentNode(i), slot, p.text());
                write.setSourceSection(p.start(), p.length());
                body.add(write);
            }
            Token brace = peek();
            body.add(parseBlock());
            BlockNode block = new BlockNode(body.toArray(HLStatementNode[]::new));
            block.setSourceSection(brace.start(), previous().start() + previous().length() - brace.start());
            FunctionBodyNode fnBody = new FunctionBodyNode(block);
            fnBody.copySourceFrom(block);
            SourceSection section = source.createSection(start.start(), previous().start() + previous().length() - start.start());
            return new HLRootNode(language, scope.build(), fnBody, name, section).getCallTarget();
        } finally {
            scope = outer;
            parenDepth = outerParens;
        }
    }

    private StructDeclarationNode parseStruct() {
        Token structToken = expectKeyword("struct");
        if (!scope.declaresGlobals()) {
            throw error(structToken, "structs can only be declared at the top level");
        }
        Token name = expect(TokenKind.IDENTIFIER, "a struct name after 'struct'");
        expect(TokenKind.LEFT_BRACE, "'{' to open the fields of struct " + name.text());
        List<String> fields = new ArrayList<>();
        List<HLExpressionNode> defaults = new ArrayList<>();
        while (!peek().is(TokenKind.RIGHT_BRACE)) {
            Token field = expect(TokenKind.IDENTIFIER, "a field name or '}'");
            if (fields.contains(field.text())) {
                throw error(field, "duplicate field '" + field.text() + "' in struct " + name.text());
            }
            fields.add(field.text());
            defaults.add(match(TokenKind.ASSIGN) ? parseExpression() : null);
            if (!match(TokenKind.COMMA) && !match(TokenKind.SEMICOLON) && !peek().is(TokenKind.RIGHT_BRACE) && !peek().newlineBefore()) {
                throw error(peek(), "expected ',', ';', a line break or '}' after field '" + field.text() + "', found " + peek().describe());
            }
        }
        expect(TokenKind.RIGHT_BRACE, "'}'");
        return at(new StructDeclarationNode(name.text(), fields, defaults.toArray(HLExpressionNode[]::new)), structToken);
    }

    /** Statements that run declared threads together: {@code explore { probe, admin }}. */
    private static final Set<String> SCENARIO_MODES = Set.of("run", "explore", "pct");

    /** {@code violation(R3), race(zone.present_pages), clean}: what a scenario expects. */
    private List<String> parseExpectations() {
        List<String> items = new ArrayList<>();
        do {
            Token word = expect(TokenKind.IDENTIFIER, "an expectation: clean, violation(RULE), race(struct.field), cycle, guarded_cycle, deadlock, bug, invariant, warning, error");
            if (!EXPECTATIONS.contains(word.text())) {
                throw error(word, "unknown expectation '" + word.text() + "' (known: " + String.join(", ", EXPECTATIONS) + ")");
            }
            String item = word.text();
            if (word.text().equals("violation") || word.text().equals("race")) {
                expect(TokenKind.LEFT_PAREN, "'(' after " + word.text());
                Token a = expect(TokenKind.IDENTIFIER, word.text().equals("race") ? "a struct name, as in race(zone.present_pages)" : "a rule name, as in violation(R3)");
                String arg = a.text();
                if (word.text().equals("race")) {
                    expect(TokenKind.DOT, "'.' between the struct and the field");
                    arg += "." + expect(TokenKind.IDENTIFIER, "a field name").text();
                }
                expect(TokenKind.RIGHT_PAREN, "')'");
                item += "(" + arg + ")";
            }
            items.add(item);
        } while (match(TokenKind.COMMA));
        return items;
    }

    private static final List<String> EXPECTATIONS = List.of("clean", "violation", "race", "cycle", "guarded_cycle", "deadlock",
            "bug", "invariant", "warning", "error", "step_bound");

    /**
     * {@code rule NAME "text" { on call f, g require held(lock) ; on write zone.present_pages
     * require held(lock, write) ; order a before b }}.
     */
    private RuleDeclarationNode parseRule() {
        Token start = next();
        Token name = expect(TokenKind.IDENTIFIER, "a rule name");
        Token text = expect(TokenKind.STRING, "the rule's text in quotes");
        expect(TokenKind.LEFT_BRACE, "'{' to open the rule");
        List<RuleDeclarationNode.ClauseSpec> clauses = new ArrayList<>();
        List<HLExpressionNode> locks = new ArrayList<>();
        int outer = parenDepth;
        parenDepth = 0;
        try {
            while (!peek().is(TokenKind.RIGHT_BRACE)) {
                if (match(TokenKind.SEMICOLON)) {
                    continue;
                }
                if (peek().is(TokenKind.EOF)) {
                    throw incomplete(peek(), "'}' expected to close rule " + name.text());
                }
                Token word = expect(TokenKind.IDENTIFIER, "'on' or 'order' in a rule");
                if (word.text().equals("order")) {
                    locks.add(parseExpression());
                    Token before = expect(TokenKind.IDENTIFIER, "'before' in 'order a before b'");
                    if (!before.text().equals("before")) {
                        throw error(before, "expected 'before' in 'order a before b', found " + before.describe());
                    }
                    locks.add(parseExpression());
                    clauses.add(new RuleDeclarationNode.ClauseSpec(Trigger.ORDER, List.of(), List.of(),
                            locks.size() - 2, locks.size() - 1));
                } else if (word.text().equals("on")) {
                    Token trigger = expect(TokenKind.IDENTIFIER, "call, write or read after 'on'");
                    Trigger t = switch (trigger.text()) {
                        case "call" -> Trigger.CALL;
                        case "write" -> Trigger.WRITE;
                        case "read" -> Trigger.READ;
                        default -> throw error(trigger, "expected call, write or read after 'on', found " + trigger.describe());
                    };
                    List<String> targets = new ArrayList<>();
                    do {
                        Token target = expect(TokenKind.IDENTIFIER, t == Trigger.CALL ? "a function name" : "a field as struct.field");
                        if (t != Trigger.CALL) {
                            expect(TokenKind.DOT, "'.' in struct.field");
                            targets.add(target.text() + "." + expect(TokenKind.IDENTIFIER, "a field name").text());
                        } else {
                            targets.add(target.text());
                        }
                    } while (match(TokenKind.COMMA));
                    Token require = expect(TokenKind.IDENTIFIER, "'require'");
                    if (!require.text().equals("require")) {
                        throw error(require, "expected 'require', found " + require.describe());
                    }
                    List<RuleDeclarationNode.ConditionSpec> conditions = new ArrayList<>();
                    do {
                        boolean negated = false;
                        Token held = expect(TokenKind.IDENTIFIER, "held(lock) or not held(lock)");
                        if (held.text().equals("not")) {
                            negated = true;
                            held = expect(TokenKind.IDENTIFIER, "held after 'not'");
                        }
                        if (!held.text().equals("held")) {
                            throw error(held, "expected held(lock), found " + held.describe());
                        }
                        expect(TokenKind.LEFT_PAREN, "'(' after held");
                        parenDepth++;
                        locks.add(parseExpression());
                        LockMode mode = null;
                        if (match(TokenKind.COMMA)) {
                            Token m = expect(TokenKind.IDENTIFIER, "read or write");
                            mode = switch (m.text()) {
                                case "read" -> LockMode.READ;
                                case "write" -> LockMode.WRITE;
                                default -> throw error(m, "expected read or write, found " + m.describe());
                            };
                        }
                        parenDepth--;
                        expect(TokenKind.RIGHT_PAREN, "')'");
                        conditions.add(new RuleDeclarationNode.ConditionSpec(negated, locks.size() - 1, mode));
                    } while (match(TokenKind.COMMA));
                    clauses.add(new RuleDeclarationNode.ClauseSpec(t, targets, conditions, -1, -1));
                } else {
                    throw error(word, "expected 'on' or 'order' in a rule, found " + word.describe());
                }
                endOfStatement();
            }
            pos++;
        } finally {
            parenDepth = outer;
        }
        return at(new RuleDeclarationNode(name.text(), (String) text.value(), clauses, locks.toArray(HLExpressionNode[]::new)), start);
    }

    /** Keys whose bare-word values are names, not variables: {@code platform acpi}. */
    private static final Set<String> WORD_KEYS = Set.of("platform", "driver", "drivers");

    /** {@code { key value, value ; key value { ... } }}: the body of a machine declaration. */
    private MachineEntryNode[] parseMachineEntries() {
        enterNesting();
        try {
            return parseMachineEntriesNested();
        } finally {
            nesting--;
        }
    }

    private MachineEntryNode[] parseMachineEntriesNested() {
        Token open = expect(TokenKind.LEFT_BRACE, "'{'");
        int outerParens = parenDepth;
        parenDepth = 0;
        List<MachineEntryNode> entries = new ArrayList<>();
        try {
            while (!peek().is(TokenKind.RIGHT_BRACE)) {
                if (match(TokenKind.SEMICOLON)) {
                    continue;
                }
                if (peek().is(TokenKind.EOF)) {
                    throw incomplete(peek(), "'}' expected to close the machine declaration opened at line " + lineOf(open));
                }
                Token key = expect(TokenKind.IDENTIFIER, "a machine setting (platform, block_size, node, auto_online, drivers) or '}'");
                List<HLExpressionNode> values = new ArrayList<>();
                while (!atEntryEnd()) {
                    if (!values.isEmpty() && !match(TokenKind.COMMA)) {
                        throw error(peek(), "expected ',' between the values of '" + key.text() + "', found " + peek().describe());
                    }
                    Token v = peek();
                    if (WORD_KEYS.contains(key.text()) && v.is(TokenKind.IDENTIFIER)) {
                        pos++;
                        values.add(at(new LiteralNode(v.text()), v));
                    } else {
                        values.add(parseExpression());
                    }
                }
                MachineEntryNode[] children = peek().is(TokenKind.LEFT_BRACE) ? parseMachineEntries() : new MachineEntryNode[0];
                entries.add(at(new MachineEntryNode(key.text(), values.toArray(HLExpressionNode[]::new), children), key));
                endOfStatement();
            }
            pos++;
        } finally {
            parenDepth = outerParens;
        }
        return entries.toArray(MachineEntryNode[]::new);
    }

    private boolean atEntryEnd() {
        Token t = peek();
        return t.is(TokenKind.SEMICOLON) || t.is(TokenKind.RIGHT_BRACE) || t.is(TokenKind.LEFT_BRACE) || t.is(TokenKind.EOF) || t.newlineBefore();
    }

    private Token lookahead(int n) {
        return tokens.get(Math.min(pos + n, tokens.size() - 1));
    }

    // ---------------------------------------------------------------- statements

    private HLStatementNode parseStatement() {
        enterNesting();
        try {
            return parseStatementNested();
        } finally {
            nesting--;
        }
    }

    private HLStatementNode parseStatementNested() {
        Token t = peek();
        HLStatementNode node;
        if (t.is(TokenKind.LEFT_BRACE)) {
            node = parseBlock();
        } else if (t.isKeyword("var") || t.isKeyword("const")) {
            node = parseVar();
        } else if (t.isKeyword("if")) {
            node = parseIf();
        } else if (t.isKeyword("while")) {
            node = parseWhile();
        } else if (t.isKeyword("for")) {
            node = parseFor();
        } else if (t.isKeyword("return")) {
            node = parseReturn();
        } else if (t.isKeyword("break") || t.isKeyword("continue")) {
            pos++;
            if (scope.loopDepth == 0) {
                throw error(t, "'" + t.text() + "' outside of a loop");
            }
            node = at(t.isKeyword("break") ? new BreakNode() : new ContinueNode(), t);
        } else if (t.isKeyword("fn") || t.isKeyword("struct")) {
            throw error(t, (t.isKeyword("fn") ? "functions" : "structs") + " can only be declared at the top level");
        } else if (t.isKeyword("else")) {
            throw error(t, "'else' without a matching 'if'");
        } else {
            node = parseExpressionStatement();
        }
        node.markStatement();
        return node;
    }

    private BlockNode parseBlock() {
        Token open = expect(TokenKind.LEFT_BRACE, "'{'");
        int outerParens = parenDepth;
        parenDepth = 0;
        scope.enterBlock();
        List<HLStatementNode> statements = new ArrayList<>();
        try {
            while (!peek().is(TokenKind.RIGHT_BRACE)) {
                if (peek().is(TokenKind.EOF)) {
                    throw incomplete(peek(), "'}' expected to close the block opened at line " + lineOf(open));
                }
                if (match(TokenKind.SEMICOLON)) {
                    continue;
                }
                statements.add(parseStatement());
                endOfStatement();
            }
            pos++;
        } finally {
            scope.exitBlock();
            parenDepth = outerParens;
        }
        return at(new BlockNode(statements.toArray(HLStatementNode[]::new)), open);
    }

    private HLStatementNode parseVar() {
        Token keyword = next();
        boolean constant = keyword.text().equals("const");
        Token name = expect(TokenKind.IDENTIFIER, "a name after '" + keyword.text() + "'");
        HLExpressionNode value;
        if (match(TokenKind.ASSIGN)) {
            value = parseExpression();
        } else if (constant) {
            throw error(peek(), "a constant needs a value: 'const " + name.text() + " = ...'");
        } else {
            value = at(new LiteralNode(HLNull.SINGLETON), name);
        }
        if (scope.declaresGlobals()) {
            WriteGlobalNode.Mode mode = constant ? WriteGlobalNode.Mode.DECLARE_CONST : WriteGlobalNode.Mode.DECLARE_VAR;
            return at(new WriteGlobalNode(name.text(), language.globalIndex(name.text()), mode, value), keyword);
        }
        if (constant) {
            throw error(keyword, "constants can only be declared at the top level; use 'var' here");
        }
        if (scope.declaredInCurrentBlock(name.text())) {
            throw error(name, "'" + name.text() + "' is already declared in this block");
        }
        int slot = scope.declare(name.text());
        return at(WriteLocalNodeGen.create(value, slot, name.text()), keyword);
    }

    private HLStatementNode parseIf() {
        Token keyword = next();
        ConditionNode condition = parseParenthesizedCondition("if");
        HLStatementNode then = parseBranch();
        HLStatementNode otherwise = null;
        if (peek().isKeyword("else")) {
            pos++;
            otherwise = parseBranch();
        }
        return at(new IfNode(condition, then, otherwise), keyword);
    }

    /** The body of an if/else/while/for: a block or one statement, in its own scope. */
    private HLStatementNode parseBranch() {
        if (peek().is(TokenKind.LEFT_BRACE)) {
            return parseBlock();
        }
        if (peek().is(TokenKind.EOF)) {
            throw incomplete(peek(), "a statement or '{' expected");
        }
        scope.enterBlock();
        try {
            return parseStatement();
        } finally {
            scope.exitBlock();
        }
    }

    private ConditionNode parseParenthesizedCondition(String what) {
        expect(TokenKind.LEFT_PAREN, "'(' after '" + what + "'");
        parenDepth++;
        HLExpressionNode condition = parseExpression();
        parenDepth--;
        expect(TokenKind.RIGHT_PAREN, "')' after the condition of '" + what + "'");
        return new ConditionNode(condition, "the condition of '" + what + "'");
    }

    private HLStatementNode parseWhile() {
        Token keyword = next();
        ConditionNode condition = parseParenthesizedCondition("while");
        scope.loopDepth++;
        try {
            return at(new WhileNode(condition, parseBranch()), keyword);
        } finally {
            scope.loopDepth--;
        }
    }

    private HLStatementNode parseFor() {
        Token keyword = next();
        boolean parens = match(TokenKind.LEFT_PAREN);
        if (parens) {
            parenDepth++;
        }
        Token name = expect(TokenKind.IDENTIFIER, "a loop variable after 'for'");
        if (!peek().isKeyword("in")) {
            throw error(peek(), "expected 'in' after the loop variable, found " + peek().describe() + " (write: for x in list { ... })");
        }
        pos++;
        HLExpressionNode iterable = parseExpression();
        if (parens) {
            parenDepth--;
            expect(TokenKind.RIGHT_PAREN, "')' after the for-in header");
        }
        scope.enterBlock();
        scope.loopDepth++;
        try {
            int slot = scope.declare(name.text());
            HLStatementNode body = parseBranch();
            return at(new ForInNode(slot, iterable, body), keyword);
        } finally {
            scope.loopDepth--;
            scope.exitBlock();
        }
    }

    private HLStatementNode parseReturn() {
        Token keyword = next();
        if (scope.isTopLevel()) {
            throw error(keyword, "'return' outside of a function");
        }
        HLExpressionNode value = null;
        Token t = peek();
        if (!t.newlineBefore() && !t.is(TokenKind.SEMICOLON) && !t.is(TokenKind.RIGHT_BRACE) && !t.is(TokenKind.EOF)) {
            value = parseExpression();
        }
        return at(new ReturnNode(value), keyword);
    }

    private HLStatementNode parseExpressionStatement() {
        Token start = peek();
        HLExpressionNode target = parseExpression();
        Token op = peek();
        switch (op.kind()) {
            case ASSIGN -> {
                pos++;
                return assignment(target, parseExpression(), start, op);
            }
            case PLUS_ASSIGN, MINUS_ASSIGN, OR_ASSIGN, AND_ASSIGN -> {
                pos++;
                HLExpressionNode value = parseExpression();
                HLExpressionNode read = reread(target, op);
                HLExpressionNode combined = switch (op.kind()) {
                    case PLUS_ASSIGN -> AddNodeGen.create(read, value);
                    case MINUS_ASSIGN -> SubNodeGen.create(read, value);
                    case OR_ASSIGN -> BitOrNodeGen.create(read, value);
                    default -> BitAndNodeGen.create(read, value);
                };
                return assignment(target, at(combined, start), start, op);
            }
            case PLUS_PLUS, MINUS_MINUS -> {
                if (op.newlineBefore()) {
                    return target;
                }
                pos++;
                HLExpressionNode one = at(new LongLiteralNode(1), op);
                HLExpressionNode read = reread(target, op);
                HLExpressionNode combined = op.is(TokenKind.PLUS_PLUS) ? AddNodeGen.create(read, one) : SubNodeGen.create(read, one);
                return assignment(target, at(combined, start), start, op);
            }
            default -> {
                return target;
            }
        }
    }

    /** A second read of an assignment target, for {@code x += 1}: targets are re-evaluated. */
    private HLExpressionNode reread(HLExpressionNode target, Token op) {
        HLExpressionNode copy;
        if (target instanceof ReadLocalNode local) {
            Integer slot = scope.lookup(local.getName());
            copy = ReadLocalNodeGen.create(slot, local.getName());
        } else if (target instanceof ReadGlobalNode global) {
            copy = new ReadGlobalNode(global.name(), language.globalIndex(global.name()));
        } else if (target instanceof ReadFieldNode || target instanceof ReadIndexNode) {
            copy = (HLExpressionNode) target.deepCopy();
        } else {
            throw error(op, "the left side of '" + op.text() + "' must be a variable, a field or a list element");
        }
        copy.copySourceFrom(target);
        return copy;
    }

    private HLExpressionNode assignment(HLExpressionNode target, HLExpressionNode value, Token start, Token op) {
        HLExpressionNode node;
        if (target instanceof ReadLocalNode local) {
            node = WriteLocalNodeGen.create(value, scope.lookup(local.getName()), local.getName());
        } else if (target instanceof ReadGlobalNode global) {
            node = new WriteGlobalNode(global.name(), language.globalIndex(global.name()), WriteGlobalNode.Mode.ASSIGN, value);
        } else if (target instanceof ReadFieldNode field) {
            node = WriteFieldNodeGen.create(field.getReceiver(), value, field.getField());
        } else if (target instanceof ReadIndexNode index) {
            node = WriteIndexNodeGen.create(index.getReceiver(), index.getIndex(), value);
        } else {
            throw error(op, "cannot assign to this expression: the left side of '" + op.text() + "' must be a variable, a field or a list element");
        }
        return at(node, start);
    }

    private void endOfStatement() {
        Token t = peek();
        if (t.is(TokenKind.SEMICOLON)) {
            pos++;
            return;
        }
        if (t.is(TokenKind.EOF) || t.is(TokenKind.RIGHT_BRACE) || t.newlineBefore()) {
            return;
        }
        throw error(t, "expected the end of the statement (a line break or ';'), found " + t.describe());
    }

    // ---------------------------------------------------------------- expressions

    /** Nesting deeper than this is refused: the parser recurses, and the JVM stack is finite. */
    public static final int MAX_NESTING = 500;
    private int nesting;

    public HLExpressionNode parseExpression() {
        enterNesting();
        try {
            return parseTernary();
        } finally {
            nesting--;
        }
    }

    private void enterNesting() {
        if (++nesting > MAX_NESTING) {
            throw error(peek(), "nesting deeper than " + MAX_NESTING + " levels (expressions, blocks and statements together)");
        }
    }

    private HLExpressionNode parseTernary() {
        Token start = peek();
        HLExpressionNode condition = parseOr();
        if (continues(TokenKind.QUESTION)) {
            pos++;
            HLExpressionNode then = parseTernary();
            expect(TokenKind.COLON, "':' in the conditional expression");
            HLExpressionNode otherwise = parseTernary();
            return at(new TernaryNode(new ConditionNode(condition, "the condition of '?:'"), then, otherwise), start);
        }
        return condition;
    }

    /** A binary operator continues the expression unless it starts a new line outside parentheses. */
    private boolean continues(TokenKind kind) {
        Token t = peek();
        return t.is(kind) && (parenDepth > 0 || !t.newlineBefore());
    }

    private HLExpressionNode parseOr() {
        Token start = peek();
        HLExpressionNode left = parseAnd();
        while (continues(TokenKind.OR_OR)) {
            pos++;
            HLExpressionNode right = parseAnd();
            left = at(new LogicalOrNode(new ConditionNode(left, "the left side of '||'"), new ConditionNode(right, "the right side of '||'")), start);
        }
        return left;
    }

    private HLExpressionNode parseAnd() {
        Token start = peek();
        HLExpressionNode left = parseBitOr();
        while (continues(TokenKind.AND_AND)) {
            pos++;
            HLExpressionNode right = parseBitOr();
            left = at(new LogicalAndNode(new ConditionNode(left, "the left side of '&&'"), new ConditionNode(right, "the right side of '&&'")), start);
        }
        return left;
    }

    private HLExpressionNode parseBitOr() {
        Token start = peek();
        HLExpressionNode left = parseBitXor();
        while (continues(TokenKind.PIPE)) {
            pos++;
            left = at(BitOrNodeGen.create(left, parseBitXor()), start);
        }
        return left;
    }

    private HLExpressionNode parseBitXor() {
        Token start = peek();
        HLExpressionNode left = parseBitAnd();
        while (continues(TokenKind.CARET)) {
            pos++;
            left = at(BitXorNodeGen.create(left, parseBitAnd()), start);
        }
        return left;
    }

    private HLExpressionNode parseBitAnd() {
        Token start = peek();
        HLExpressionNode left = parseEquality();
        while (continues(TokenKind.AMP)) {
            pos++;
            left = at(BitAndNodeGen.create(left, parseEquality()), start);
        }
        return left;
    }

    private HLExpressionNode parseEquality() {
        Token start = peek();
        HLExpressionNode left = parseComparison();
        while (continues(TokenKind.EQUAL) || continues(TokenKind.NOT_EQUAL)) {
            Token op = next();
            HLExpressionNode equal = at(EqualNodeGen.create(left, parseComparison()), start);
            left = op.is(TokenKind.EQUAL) ? equal : at(NotEqualNode.create(equal), start);
        }
        return left;
    }

    private HLExpressionNode parseComparison() {
        Token start = peek();
        HLExpressionNode left = parseRange();
        while (continues(TokenKind.LESS) || continues(TokenKind.LESS_EQUAL) || continues(TokenKind.GREATER) || continues(TokenKind.GREATER_EQUAL)) {
            Token op = next();
            HLExpressionNode right = parseRange();
            left = at(switch (op.kind()) {
                case LESS -> LessNodeGen.create(left, right);
                case LESS_EQUAL -> LessEqualNodeGen.create(left, right);
                case GREATER -> GreaterNodeGen.create(left, right);
                default -> GreaterEqualNodeGen.create(left, right);
            }, start);
        }
        return left;
    }

    private HLExpressionNode parseRange() {
        Token start = peek();
        HLExpressionNode left = parseShift();
        if (continues(TokenKind.DOT_DOT)) {
            pos++;
            left = at(RangeNodeGen.create(left, parseShift()), start);
        }
        return left;
    }

    private HLExpressionNode parseShift() {
        Token start = peek();
        HLExpressionNode left = parseAdditive();
        while (continues(TokenKind.SHIFT_LEFT) || continues(TokenKind.SHIFT_RIGHT)) {
            Token op = next();
            HLExpressionNode right = parseAdditive();
            left = at(op.is(TokenKind.SHIFT_LEFT) ? ShiftLeftNodeGen.create(left, right) : ShiftRightNodeGen.create(left, right), start);
        }
        return left;
    }

    private HLExpressionNode parseAdditive() {
        Token start = peek();
        HLExpressionNode left = parseMultiplicative();
        while (continues(TokenKind.PLUS) || continues(TokenKind.MINUS)) {
            Token op = next();
            HLExpressionNode right = parseMultiplicative();
            left = at(op.is(TokenKind.PLUS) ? AddNodeGen.create(left, right) : SubNodeGen.create(left, right), start);
        }
        return left;
    }

    private HLExpressionNode parseMultiplicative() {
        Token start = peek();
        HLExpressionNode left = parseUnary();
        while (continues(TokenKind.STAR) || continues(TokenKind.SLASH) || continues(TokenKind.PERCENT)) {
            Token op = next();
            HLExpressionNode right = parseUnary();
            left = at(switch (op.kind()) {
                case STAR -> MulNodeGen.create(left, right);
                case SLASH -> DivNodeGen.create(left, right);
                default -> ModNodeGen.create(left, right);
            }, start);
        }
        return left;
    }

    private HLExpressionNode parseUnary() {
        Token t = peek();
        if (t.is(TokenKind.MINUS) || t.is(TokenKind.BANG) || t.is(TokenKind.TILDE)) {
            enterNesting();
            try {
                return parseUnaryOperator(t);
            } finally {
                nesting--;
            }
        }
        return parsePostfix();
    }

    private HLExpressionNode parseUnaryOperator(Token t) {
        if (t.is(TokenKind.MINUS)) {
            pos++;
            if (peek().is(TokenKind.INTEGER) && !peek().newlineBefore()) {
                Token number = next();
                return at(new LongLiteralNode(-(Long) number.value()), t);
            }
            return at(NegateNodeGen.create(parseUnary()), t);
        }
        if (t.is(TokenKind.BANG)) {
            pos++;
            return at(NotNodeGen.create(parseUnary()), t);
        }
        if (t.is(TokenKind.TILDE)) {
            pos++;
            return at(BitNotNodeGen.create(parseUnary()), t);
        }
        return parsePostfix();
    }

    private HLExpressionNode parsePostfix() {
        Token start = peek();
        HLExpressionNode expr = parsePrimary();
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.LEFT_PAREN) && (!t.newlineBefore() || parenDepth > 0)) {
                pos++;
                parenDepth++;
                List<HLExpressionNode> args = new ArrayList<>();
                if (!peek().is(TokenKind.RIGHT_PAREN)) {
                    do {
                        args.add(parseExpression());
                    } while (match(TokenKind.COMMA));
                }
                parenDepth--;
                expect(TokenKind.RIGHT_PAREN, "')' or ',' in the arguments");
                String name = expr instanceof ReadGlobalNode g ? g.name() : expr instanceof ReadLocalNode l ? l.getName() : "<expression>";
                expr = at(new InvokeNode(expr, args.toArray(HLExpressionNode[]::new), name), start);
            } else if (t.is(TokenKind.DOT) || t.is(TokenKind.ARROW)) {
                pos++;
                Token field = expect(TokenKind.IDENTIFIER, "a field name after '" + t.text() + "'");
                expr = at(ReadFieldNodeGen.create(expr, field.text()), start);
            } else if (t.is(TokenKind.LEFT_BRACKET) && (!t.newlineBefore() || parenDepth > 0)) {
                pos++;
                parenDepth++;
                HLExpressionNode index = parseExpression();
                parenDepth--;
                expect(TokenKind.RIGHT_BRACKET, "']' after the index");
                expr = at(ReadIndexNodeGen.create(expr, index), start);
            } else {
                return expr;
            }
        }
    }

    private HLExpressionNode parsePrimary() {
        Token t = peek();
        switch (t.kind()) {
            case INTEGER -> {
                pos++;
                return at(new LongLiteralNode((Long) t.value()), t);
            }
            case STRING -> {
                pos++;
                return at(new LiteralNode(t.value()), t);
            }
            case IDENTIFIER -> {
                pos++;
                Integer slot = scope.lookup(t.text());
                if (slot != null) {
                    return at(ReadLocalNodeGen.create(slot, t.text()), t);
                }
                return at(new ReadGlobalNode(t.text(), language.globalIndex(t.text())), t);
            }
            case LEFT_PAREN -> {
                pos++;
                parenDepth++;
                HLExpressionNode inner = parseExpression();
                parenDepth--;
                expect(TokenKind.RIGHT_PAREN, "')' to close the '(' at line " + lineOf(t) + ":" + source.getColumnNumber(t.start()));
                return inner;
            }
            case LEFT_BRACKET -> {
                pos++;
                parenDepth++;
                List<HLExpressionNode> elements = new ArrayList<>();
                if (!peek().is(TokenKind.RIGHT_BRACKET)) {
                    do {
                        if (peek().is(TokenKind.RIGHT_BRACKET)) {
                            break;
                        }
                        elements.add(parseExpression());
                    } while (match(TokenKind.COMMA));
                }
                parenDepth--;
                expect(TokenKind.RIGHT_BRACKET, "']' or ',' in the list");
                return at(new ListLiteralNode(elements.toArray(HLExpressionNode[]::new)), t);
            }
            case KEYWORD -> {
                switch (t.text()) {
                    case "true", "false" -> {
                        pos++;
                        return at(new BooleanLiteralNode(t.text().equals("true")), t);
                    }
                    case "null" -> {
                        pos++;
                        return at(new LiteralNode(HLNull.SINGLETON), t);
                    }
                    case "new" -> {
                        return parseNew();
                    }
                    default -> throw error(t, "expected an expression, found " + t.describe());
                }
            }
            case EOF -> throw incomplete(t, "expected an expression, found the end of input");
            default -> throw error(t, "expected an expression, found " + t.describe());
        }
    }

    private HLExpressionNode parseNew() {
        Token keyword = next();
        Token type = expect(TokenKind.IDENTIFIER, "a struct name after 'new'");
        List<String> names = new ArrayList<>();
        List<HLExpressionNode> values = new ArrayList<>();
        if (match(TokenKind.LEFT_PAREN)) {
            expect(TokenKind.RIGHT_PAREN, "')': write fields as new " + type.text() + " { field: value }");
        } else {
            expect(TokenKind.LEFT_BRACE, "'{' with the fields of the new " + type.text());
            int outer = parenDepth;
            parenDepth = 1;
            while (!peek().is(TokenKind.RIGHT_BRACE)) {
                Token field = expect(TokenKind.IDENTIFIER, "a field name or '}'");
                if (names.contains(field.text())) {
                    throw error(field, "field '" + field.text() + "' is given twice");
                }
                expect(TokenKind.COLON, "':' after the field name '" + field.text() + "'");
                names.add(field.text());
                values.add(parseExpression());
                if (!match(TokenKind.COMMA) && !peek().is(TokenKind.RIGHT_BRACE)) {
                    throw error(peek(), "expected ',' or '}' after the value of field '" + field.text() + "', found " + peek().describe());
                }
            }
            parenDepth = outer;
            pos++;
        }
        return at(new NewStructNode(type.text(), names.toArray(String[]::new), values.toArray(HLExpressionNode[]::new)), keyword);
    }

    // ---------------------------------------------------------------- helpers

    private <T extends HLStatementNode> T at(T node, Token start) {
        Token end = previous();
        int endOffset = Math.max(start.start() + start.length(), end.start() + end.length());
        node.setSourceSection(start.start(), endOffset - start.start());
        return node;
    }

    private Token peek() {
        return tokens.get(Math.min(pos, tokens.size() - 1));
    }

    private Token previous() {
        return tokens.get(Math.max(0, Math.min(pos, tokens.size()) - 1));
    }

    private Token next() {
        Token t = peek();
        if (pos < tokens.size()) {
            pos++;
        }
        return t;
    }

    private boolean match(TokenKind kind) {
        if (peek().is(kind)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(TokenKind kind, String what) {
        Token t = peek();
        if (!t.is(kind)) {
            if (t.is(TokenKind.EOF)) {
                throw incomplete(t, "expected " + what + ", found the end of input");
            }
            throw error(t, "expected " + what + ", found " + t.describe());
        }
        pos++;
        return t;
    }

    private Token expectKeyword(String word) {
        Token t = peek();
        if (!t.isKeyword(word)) {
            throw error(t, "expected '" + word + "', found " + t.describe());
        }
        pos++;
        return t;
    }

    private int lineOf(Token t) {
        return source.getLineNumber(Math.min(t.start(), Math.max(0, source.getLength() - 1)));
    }

    private SyntaxErrorException error(Token at, String message) {
        return new SyntaxErrorException(message, section(at), at.is(TokenKind.EOF));
    }

    private SyntaxErrorException incomplete(Token at, String message) {
        return new SyntaxErrorException(message, section(at), true);
    }

    private SourceSection section(Token at) {
        if (at.is(TokenKind.EOF) && pos > 0 && tokens.size() > 1) {
            // Point just after the last real token: that is where something is missing.
            Token last = tokens.get(tokens.size() - 2);
            return source.createSection(last.start() + last.length() - 1, 1);
        }
        int start = Math.min(at.start(), source.getLength());
        int length = Math.min(at.length(), source.getLength() - start);
        return source.createSection(start, length);
    }
}
