package org.hotlock.parser;

/** The lexical categories of HotLock. Punctuation kinds carry their spelling for error messages. */
public enum TokenKind {
    INTEGER("integer"),
    STRING("string"),
    IDENTIFIER("identifier"),
    KEYWORD("keyword"),
    LEFT_PAREN("'('"),
    RIGHT_PAREN("')'"),
    LEFT_BRACE("'{'"),
    RIGHT_BRACE("'}'"),
    LEFT_BRACKET("'['"),
    RIGHT_BRACKET("']'"),
    COMMA("','"),
    SEMICOLON("';'"),
    COLON("':'"),
    DOT("'.'"),
    DOT_DOT("'..'"),
    QUESTION("'?'"),
    ASSIGN("'='"),
    PLUS_ASSIGN("'+='"),
    MINUS_ASSIGN("'-='"),
    OR_ASSIGN("'|='"),
    AND_ASSIGN("'&='"),
    PLUS_PLUS("'++'"),
    MINUS_MINUS("'--'"),
    PLUS("'+'"),
    MINUS("'-'"),
    STAR("'*'"),
    SLASH("'/'"),
    PERCENT("'%'"),
    BANG("'!'"),
    TILDE("'~'"),
    AMP("'&'"),
    PIPE("'|'"),
    CARET("'^'"),
    SHIFT_LEFT("'<<'"),
    SHIFT_RIGHT("'>>'"),
    AND_AND("'&&'"),
    OR_OR("'||'"),
    EQUAL("'=='"),
    NOT_EQUAL("'!='"),
    LESS("'<'"),
    LESS_EQUAL("'<='"),
    GREATER("'>'"),
    GREATER_EQUAL("'>='"),
    ARROW("'->'"),
    EOF("end of input");

    private final String display;

    TokenKind(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }
}
