package org.hotlock.parser;

import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.context.KernelModels;
import org.hotlock.nodes.HLStatementNode;

import java.util.List;

/**
 * The position in the token list that the declaration, statement and expression parsers share,
 * with what they all need around it: matching and expecting tokens, located syntax errors, the
 * depth of brackets that make line breaks insignificant, and the nesting limit.
 */
final class TokenCursor {
    /** Nesting deeper than this is refused: the parser recurses, and the JVM stack is finite. */
    static final int MAX_NESTING = 500;

    private final Source source;
    private List<Token> tokens;
    private int position;
    /** Inside brackets a line break does not end anything, so an expression may go on. */
    private int bracketDepth;
    private int nesting;

    TokenCursor(Source source) {
        this.source = source;
    }

    void start(List<Token> lexed) {
        tokens = lexed;
        position = 0;
    }

    int position() {
        return position;
    }

    Token peek() {
        return tokens.get(Math.min(position, tokens.size() - 1));
    }

    Token lookahead(int distance) {
        return tokens.get(Math.min(position + distance, tokens.size() - 1));
    }

    Token previous() {
        return tokens.get(Math.max(0, Math.min(position, tokens.size()) - 1));
    }

    /** Steps over the token just looked at. */
    void advance() {
        position++;
    }

    Token next() {
        Token token = peek();
        if (position < tokens.size()) {
            position++;
        }
        return token;
    }

    boolean match(TokenKind kind) {
        if (peek().is(kind)) {
            position++;
            return true;
        }
        return false;
    }

    Token expect(TokenKind kind, String what) {
        Token token = peek();
        if (!token.is(kind)) {
            if (token.is(TokenKind.EOF)) {
                throw incomplete(token, "expected " + what + ", found the end of input");
            }
            throw error(token, "expected " + what + ", found " + token.describe());
        }
        position++;
        return token;
    }

    Token expectKeyword(String word) {
        Token token = peek();
        if (!token.isKeyword(word)) {
            throw error(token, "expected '" + word + "', found " + token.describe());
        }
        position++;
        return token;
    }

    /** The offset just after the last token consumed. */
    int endOfPrevious() {
        Token end = previous();
        return end.start() + end.length();
    }

    /** A kernel model's source (see {@link KernelModels#MIME_TYPE}). */
    boolean modelSource() {
        return KernelModels.MIME_TYPE.equals(source.getMimeType());
    }

    /** The source from {@code start} through the last token consumed. */
    SourceSection sectionFrom(Token start) {
        return source.createSection(start.start(), endOfPrevious() - start.start());
    }

    /** Gives the node the source from {@code start} through the last token consumed. */
    <T extends HLStatementNode> T located(T node, Token start) {
        int endOffset = Math.max(start.start() + start.length(), endOfPrevious());
        node.setSourceSection(start.start(), endOffset - start.start());
        return node;
    }

    int bracketDepth() {
        return bracketDepth;
    }

    void setBracketDepth(int depth) {
        bracketDepth = depth;
    }

    void openBracket() {
        bracketDepth++;
    }

    void closeBracket() {
        bracketDepth--;
    }

    boolean insideBrackets() {
        return bracketDepth > 0;
    }

    /** Counts one level of recursion, refusing input nested deeper than {@link #MAX_NESTING}. */
    void enterNesting() {
        if (++nesting > MAX_NESTING) {
            throw error(peek(), "nesting deeper than " + MAX_NESTING + " levels (expressions, blocks and statements together)");
        }
    }

    void exitNesting() {
        nesting--;
    }

    /** Skips to the start of the next line that is outside any brace, to resume after an error. */
    void skipToNextLine(int from) {
        bracketDepth = 0;
        nesting = 0;
        if (position == from) {
            position++;
        }
        int depth = 0;
        for (int i = from; i < position && i < tokens.size(); i++) {
            if (tokens.get(i).is(TokenKind.LEFT_BRACE)) {
                depth++;
            } else if (tokens.get(i).is(TokenKind.RIGHT_BRACE)) {
                depth--;
            }
        }
        while (!peek().is(TokenKind.EOF)) {
            Token token = peek();
            if (depth <= 0 && token.newlineBefore()) {
                return;
            }
            if (token.is(TokenKind.LEFT_BRACE)) {
                depth++;
            } else if (token.is(TokenKind.RIGHT_BRACE)) {
                depth--;
            }
            position++;
        }
    }

    int lineOf(Token token) {
        return source.getLineNumber(Math.min(token.start(), Math.max(0, source.getLength() - 1)));
    }

    int columnOf(Token token) {
        return source.getColumnNumber(token.start());
    }

    SyntaxErrorException error(Token at, String message) {
        return new SyntaxErrorException(message, section(at), at.is(TokenKind.EOF));
    }

    /** An error at the end of input, where more text could complete the construct: the REPL reads on. */
    SyntaxErrorException incomplete(Token at, String message) {
        return new SyntaxErrorException(message, section(at), true);
    }

    private SourceSection section(Token at) {
        if (at.is(TokenKind.EOF) && position > 0 && tokens.size() > 1) {
            // Point just after the last real token: that is where something is missing.
            Token last = tokens.get(tokens.size() - 2);
            return source.createSection(last.start() + last.length() - 1, 1);
        }
        int start = Math.min(at.start(), source.getLength());
        int length = Math.min(at.length(), source.getLength() - start);
        return source.createSection(start, length);
    }
}
