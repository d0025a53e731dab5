package org.hotlock.parser;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.source.Source;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLRootNode;
import org.hotlock.nodes.HLStatementNode;
import org.hotlock.nodes.declaration.FunctionDeclarationNode;
import org.hotlock.nodes.declaration.KernelDeclarationNode;
import org.hotlock.nodes.declaration.RuleDeclarationNode;
import org.hotlock.nodes.declaration.StructDeclarationNode;
import org.hotlock.nodes.declaration.ThreadDeclarationNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

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

    /**
     * What the nodes a parser makes need of the language that runs them: the language, the
     * reference by which they reach their context, and the index of each global name (the same
     * in every context). Passed in, so that the parser does not depend on the language class.
     */
    public record Language(TruffleLanguage<HotLockContext> language, TruffleLanguage.ContextReference<HotLockContext> contexts,
                           ToIntFunction<String> globalIndex) {
    }

    public Parser(Language language, Source source) {
        this.source = source;
        this.cursor = new TokenCursor(source);
        this.factory = new NodeFactory(language, source);
        ExpressionParser expressionParser = new ExpressionParser(cursor, factory);
        this.statementParser = new StatementParser(cursor, factory, expressionParser);
        this.declarationParser = new DeclarationParser(cursor, factory, expressionParser, statementParser);
    }

    /**
     * Where one top-level snippet starts and ends: the REPL evaluates and echoes each on its own
     * (what kind of snippet it is, the REPL decides from its text).
     */
    public record Snippet(int start, int end) {
    }

    private final List<Snippet> snippets = new ArrayList<>();
    /** Where each function of this source was declared: a second declaration is an error. */
    private final Map<String, Integer> functions = new HashMap<>();

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
        if (start.isKeyword("fn") || isWord(start, "patch") && cursor.lookahead(1).isKeyword("fn") && !cursor.lookahead(1).newlineBefore()) {
            FunctionDeclarationNode function = declarationParser.parseFunction();
            Integer earlier = functions.putIfAbsent(function.name(), start.start());
            if (earlier != null) {
                throw new SyntaxErrorException("function '" + function.name() + "' is already declared in this file, at line "
                        + source.getLineNumber(earlier), source.createSection(start.start(), start.length()), false);
            }
            declarations.add(function);
            addSnippet(start);
        } else if (start.isKeyword("struct")) {
            StructDeclarationNode struct = declarationParser.parseStruct();
            declarations.add(struct);
            addSnippet(start);
        } else if (isWord(start, "kernel") && cursor.lookahead(1).is(TokenKind.STRING) && !cursor.lookahead(1).newlineBefore()) {
            // The model loads before the script's own functions are installed, so a script
            // can redefine a model function: that is how a patched kernel is tried.
            int kernels = 0;
            while (kernels < declarations.size() && declarations.get(kernels) instanceof KernelDeclarationNode) {
                kernels++;
            }
            declarations.add(kernels, declarationParser.parseKernel());
            addSnippet(start);
        } else if (isWord(start, "thread") && cursor.lookahead(1).is(TokenKind.IDENTIFIER) && cursor.lookahead(2).is(TokenKind.LEFT_BRACE)) {
            ThreadDeclarationNode thread = declarationParser.parseThread();
            statements.add(thread);
            addSnippet(start);
        } else if (start.is(TokenKind.IDENTIFIER) && DeclarationParser.SCENARIO_MODES.contains(start.text())
                && cursor.lookahead(1).is(TokenKind.LEFT_BRACE)) {
            statements.add(declarationParser.parseScenario());
            addSnippet(start);
        } else if (isWord(start, "expect") && cursor.lookahead(1).is(TokenKind.IDENTIFIER) && !cursor.lookahead(1).newlineBefore()) {
            statements.add(declarationParser.parseExpect());
            addSnippet(start);
        } else if (isWord(start, "shared") && cursor.lookahead(1).is(TokenKind.IDENTIFIER)
                && (cursor.lookahead(2).is(TokenKind.DOT) || cursor.lookahead(1).text().equals("atomic")
                    && cursor.lookahead(2).is(TokenKind.IDENTIFIER) && cursor.lookahead(3).is(TokenKind.DOT))) {
            statements.add(declarationParser.parseShared());
            addSnippet(start);
        } else if (isWord(start, "rule") && cursor.lookahead(1).is(TokenKind.IDENTIFIER) && cursor.lookahead(2).is(TokenKind.STRING)) {
            RuleDeclarationNode rule = declarationParser.parseRule();
            statements.add(rule);
            addSnippet(start);
        } else if (isWord(start, "machine") && cursor.lookahead(1).is(TokenKind.IDENTIFIER) && cursor.lookahead(2).is(TokenKind.LEFT_BRACE)) {
            statements.add(declarationParser.parseMachine());
            addSnippet(start);
        } else {
            HLStatementNode statement = statementParser.parseStatement();
            statements.add(statement);
            addSnippet(start);
        }
        statementParser.expectEndOfStatement();
    }

    /** A contextual word: an identifier that the lexer does not reserve. */
    private static boolean isWord(Token token, String word) {
        return token.is(TokenKind.IDENTIFIER) && token.text().equals(word);
    }

    private void addSnippet(Token start) {
        snippets.add(new Snippet(start.start(), cursor.endOfPrevious()));
    }
}
