package org.hotlock.parser;

import com.oracle.truffle.api.source.Source;
import org.hotlock.HotLockLanguage;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.HLRootNode;
import org.hotlock.nodes.HLStatementNode;
import org.hotlock.nodes.declaration.FunctionDeclarationNode;
import org.hotlock.nodes.declaration.KernelDeclarationNode;
import org.hotlock.nodes.declaration.RuleDeclarationNode;
import org.hotlock.nodes.declaration.StructDeclarationNode;
import org.hotlock.nodes.declaration.ThreadDeclarationNode;
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
 *
 * <p>This class parses the sequence of top-level snippets and decides which of them are
 * declarations; {@link DeclarationParser}, {@link StatementParser} and {@link ExpressionParser}
 * parse the snippets, sharing one {@link TokenCursor} and one {@link NodeFactory}.
 */
public final class Parser {
    public static final int MAX_ERRORS = 10;
    /** Nesting deeper than this is refused: the parser recurses, and the JVM stack is finite. */
    public static final int MAX_NESTING = TokenCursor.MAX_NESTING;

    private final Source source;
    private final TokenCursor cursor;
    private final NodeFactory factory;
    private final StatementParser statementParser;
    private final DeclarationParser declarationParser;
    private final List<SyntaxErrorException> errors = new ArrayList<>();

    public Parser(HotLockLanguage language, Source source) {
        this.source = source;
        this.cursor = new TokenCursor(source);
        this.factory = new NodeFactory(language, source);
        ExpressionParser expressionParser = new ExpressionParser(cursor, factory);
        this.statementParser = new StatementParser(cursor, factory, expressionParser);
        this.declarationParser = new DeclarationParser(cursor, factory, expressionParser, statementParser);
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
        throwErrors(lexer.errors());
        return factory.createProgram(declarations, statements);
    }

    /** Throws the lexer's and the parser's errors together, in source order, if there are any. */
    private void throwErrors(List<SyntaxErrorException> lexerErrors) {
        if (!lexerErrors.isEmpty()) {
            // A parse error right at a token the lexer already complained about adds nothing.
            Set<Integer> lexical = new HashSet<>();
            for (SyntaxErrorException e : lexerErrors) {
                lexical.add(e.section().getCharIndex());
            }
            errors.removeIf(e -> lexical.contains(e.section().getCharIndex()));
            errors.addAll(lexerErrors);
            errors.sort(Comparator.comparingInt(e -> e.section().getCharIndex()));
        }
        if (!errors.isEmpty()) {
            List<SyntaxErrorException> reported = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
            throw reported.getFirst().withOthers(reported);
        }
    }

    /**
     * One snippet. {@code fn}, {@code struct} and {@code kernel} go to the hoisted
     * declarations; the contextual words are declarations only in the shapes that
     * spec/grammar.md lists, and ordinary names otherwise.
     */
    private void parseTopLevel(List<HLStatementNode> declarations, List<HLStatementNode> statements) {
        Token start = cursor.peek();
        if (start.is(TokenKind.SEMICOLON)) {
            cursor.advance();
            return;
        }
        if (start.isKeyword("fn")) {
            FunctionDeclarationNode function = declarationParser.parseFunction();
            for (Snippet earlier : snippets) {
                if (earlier.kind() == SnippetKind.FUNCTION && earlier.name().equals(function.name())) {
                    throw new SyntaxErrorException("function '" + function.name() + "' is already declared in this file, at line "
                            + source.getLineNumber(earlier.start()), source.createSection(start.start(), start.length()), false);
                }
            }
            declarations.add(function);
            addSnippet(SnippetKind.FUNCTION, function.name(), start);
        } else if (start.isKeyword("struct")) {
            StructDeclarationNode struct = declarationParser.parseStruct();
            declarations.add(struct);
            addSnippet(SnippetKind.STRUCT, struct.name(), start);
        } else if (isWord(start, "kernel") && cursor.lookahead(1).is(TokenKind.STRING) && !cursor.lookahead(1).newlineBefore()) {
            Token version = cursor.lookahead(1);
            // The model loads before the script's own functions are installed, so a script
            // can redefine a model function: that is how a patched kernel is tried.
            int kernels = 0;
            while (kernels < declarations.size() && declarations.get(kernels) instanceof KernelDeclarationNode) {
                kernels++;
            }
            declarations.add(kernels, declarationParser.parseKernel());
            addSnippet(SnippetKind.DECLARATION, "kernel " + version.value(), start);
        } else if (isWord(start, "thread") && cursor.lookahead(1).is(TokenKind.IDENTIFIER) && cursor.lookahead(2).is(TokenKind.LEFT_BRACE)) {
            ThreadDeclarationNode thread = declarationParser.parseThread();
            statements.add(thread);
            addSnippet(SnippetKind.DECLARATION, "thread " + thread.name(), start);
        } else if (start.is(TokenKind.IDENTIFIER) && DeclarationParser.SCENARIO_MODES.contains(start.text())
                && cursor.lookahead(1).is(TokenKind.LEFT_BRACE)) {
            statements.add(declarationParser.parseScenario());
            addSnippet(SnippetKind.STATEMENT, start.text(), start);
        } else if (isWord(start, "expect") && cursor.lookahead(1).is(TokenKind.IDENTIFIER) && !cursor.lookahead(1).newlineBefore()) {
            statements.add(declarationParser.parseExpect());
            addSnippet(SnippetKind.STATEMENT, "expect", start);
        } else if (isWord(start, "shared") && cursor.lookahead(1).is(TokenKind.IDENTIFIER) && cursor.lookahead(2).is(TokenKind.DOT)) {
            Token type = cursor.lookahead(1);
            Token field = cursor.lookahead(3);
            statements.add(declarationParser.parseShared());
            addSnippet(SnippetKind.DECLARATION, "shared " + type.text() + "." + field.text(), start);
        } else if (isWord(start, "rule") && cursor.lookahead(1).is(TokenKind.IDENTIFIER) && cursor.lookahead(2).is(TokenKind.STRING)) {
            RuleDeclarationNode rule = declarationParser.parseRule();
            statements.add(rule);
            addSnippet(SnippetKind.DECLARATION, "rule " + rule.name(), start);
        } else if (isWord(start, "machine") && cursor.lookahead(1).is(TokenKind.IDENTIFIER) && cursor.lookahead(2).is(TokenKind.LEFT_BRACE)) {
            Token name = cursor.lookahead(1);
            statements.add(declarationParser.parseMachine());
            addSnippet(SnippetKind.DECLARATION, "machine " + name.text(), start);
        } else {
            HLStatementNode statement = statementParser.parseStatement();
            statements.add(statement);
            addSnippet(kindOf(statement), nameOf(statement), start);
        }
        statementParser.expectEndOfStatement();
    }

    /** A contextual word: an identifier that the lexer does not reserve. */
    private static boolean isWord(Token token, String word) {
        return token.is(TokenKind.IDENTIFIER) && token.text().equals(word);
    }

    private void addSnippet(SnippetKind kind, String name, Token start) {
        snippets.add(new Snippet(kind, name, start.start(), cursor.endOfPrevious()));
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
}
