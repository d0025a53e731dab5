package org.hotlock.parser;

/**
 * One lexical token. {@code newlineBefore} records whether a line break separates it from the
 * previous token: HotLock ends a statement at a line break when the statement is complete, the
 * way Go and Kotlin do, so semicolons stay optional.
 */
public record Token(TokenKind kind, String text, Object value, int start, int length, boolean newlineBefore) {

    public boolean is(TokenKind k) {
        return kind == k;
    }

    public boolean isKeyword(String word) {
        return kind == TokenKind.KEYWORD && text.equals(word);
    }

    public String describe() {
        return switch (kind) {
            case EOF -> "end of input";
            case STRING -> "string " + text;
            case INTEGER -> "number " + text;
            case IDENTIFIER -> "'" + text + "'";
            case KEYWORD -> "keyword '" + text + "'";
            default -> kind.display();
        };
    }
}
