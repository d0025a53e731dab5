package org.hotlock.launcher.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a top-level snippet declares, read from its leading tokens, so the REPL can echo it
 * as JShell does: {@code |  created fn f}, {@code x ==> 3}, {@code $1 ==> 42}. The shapes
 * are the parser's own (spec/grammar.md): the contextual words {@code kernel},
 * {@code thread}, {@code machine}, {@code rule}, {@code shared}, {@code expect} and the
 * scenario words declare only in the exact shape the parser looks for, and are ordinary
 * names otherwise. Only snippets that parsed are classified, so malformed ones need no care.
 */
final class SnippetKinds {
    enum Kind { FUNCTION, STRUCT, VARIABLE, CONSTANT, DECLARATION, STATEMENT, EXPRESSION }

    /** The kind, and the name the echo uses: {@code f}, {@code x}, {@code thread probe}, {@code kernel 4.19}; "" if none. */
    record Snippet(Kind kind, String name) {
    }

    /** The lexer's reserved words; every other word is a name. */
    private static final Set<String> KEYWORDS = Set.of("fn", "var", "const", "if", "else", "while", "for", "in", "return",
            "break", "continue", "true", "false", "null", "struct", "new");
    private static final Set<String> SCENARIO_MODES = Set.of("run", "explore", "pct");
    private static final Set<String> CONTROL_KEYWORDS = Set.of("if", "while", "for", "return", "break", "continue");
    /** The longest shape looked at, {@code shared T.F}, has four tokens. */
    private static final int LEADING_TOKENS = 4;

    private SnippetKinds() {
    }

    static Snippet classify(String snippet) {
        List<Token> tokens = leadingTokens(snippet);
        Token first = tokens.get(0);
        if (first.isKeyword("fn")) {
            return new Snippet(Kind.FUNCTION, tokens.get(1).text);
        }
        if (first.isName("patch") && tokens.get(1).isKeyword("fn") && !tokens.get(1).newlineBefore) {
            return new Snippet(Kind.FUNCTION, tokens.get(2).text);
        }
        if (first.isKeyword("struct")) {
            return new Snippet(Kind.STRUCT, tokens.get(1).text);
        }
        if (first.isName("kernel") && tokens.get(1).type == TokenType.STRING && !tokens.get(1).newlineBefore) {
            return new Snippet(Kind.DECLARATION, "kernel " + tokens.get(1).value);
        }
        if (first.isName("thread") && tokens.get(1).type == TokenType.NAME && tokens.get(2).isSymbol("{")) {
            return new Snippet(Kind.DECLARATION, "thread " + tokens.get(1).text);
        }
        if (first.type == TokenType.NAME && SCENARIO_MODES.contains(first.text) && tokens.get(1).isSymbol("{")) {
            return new Snippet(Kind.STATEMENT, first.text);
        }
        if (first.isName("expect") && tokens.get(1).type == TokenType.NAME && !tokens.get(1).newlineBefore) {
            return new Snippet(Kind.STATEMENT, "expect");
        }
        if (first.isName("shared") && tokens.get(1).type == TokenType.NAME && tokens.get(2).isSymbol(".")) {
            return new Snippet(Kind.DECLARATION, "shared " + tokens.get(1).text + "." + tokens.get(3).text);
        }
        if (first.isName("rule") && tokens.get(1).type == TokenType.NAME && tokens.get(2).type == TokenType.STRING) {
            return new Snippet(Kind.DECLARATION, "rule " + tokens.get(1).text);
        }
        if (first.isName("machine") && tokens.get(1).type == TokenType.NAME && tokens.get(2).isSymbol("{")) {
            return new Snippet(Kind.DECLARATION, "machine " + tokens.get(1).text);
        }
        if (first.isKeyword("var")) {
            return new Snippet(Kind.VARIABLE, tokens.get(1).text);
        }
        if (first.isKeyword("const")) {
            return new Snippet(Kind.CONSTANT, tokens.get(1).text);
        }
        if (first.isSymbol("{") || first.type == TokenType.KEYWORD && CONTROL_KEYWORDS.contains(first.text)) {
            return new Snippet(Kind.STATEMENT, "");
        }
        return new Snippet(Kind.EXPRESSION, "");
    }

    private enum TokenType { NAME, KEYWORD, STRING, SYMBOL, OTHER, END }

    /** {@code value} is a string literal's text with its escapes applied. */
    private record Token(TokenType type, String text, String value, boolean newlineBefore) {
        boolean isKeyword(String word) {
            return type == TokenType.KEYWORD && text.equals(word);
        }

        boolean isName(String word) {
            return type == TokenType.NAME && text.equals(word);
        }

        boolean isSymbol(String symbol) {
            return type == TokenType.SYMBOL && text.equals(symbol);
        }
    }

    /** The first tokens, as the lexer splits them; END pads the list when the snippet is shorter. */
    private static List<Token> leadingTokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int pos = 0;
        while (tokens.size() < LEADING_TOKENS) {
            boolean newline = false;
            while (pos < text.length()) {
                char space = text.charAt(pos);
                if (space == '\n') {
                    newline = true;
                    pos++;
                } else if (Character.isWhitespace(space)) {
                    pos++;
                } else if (text.startsWith("//", pos)) {
                    int end = text.indexOf('\n', pos);
                    pos = end < 0 ? text.length() : end;
                } else if (text.startsWith("/*", pos)) {
                    int end = text.indexOf("*/", pos + 2);
                    int after = end < 0 ? text.length() : end + 2;
                    newline |= text.substring(pos, after).indexOf('\n') >= 0;
                    pos = after;
                } else {
                    break;
                }
            }
            if (pos >= text.length()) {
                tokens.add(new Token(TokenType.END, "", "", newline));
                continue;
            }
            int start = pos;
            char current = text.charAt(pos);
            if (Character.isLetter(current) || current == '_'
                    || current == '$' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
                pos++;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
                String word = text.substring(start, pos);
                tokens.add(new Token(KEYWORDS.contains(word) ? TokenType.KEYWORD : TokenType.NAME, word, word, newline));
            } else if (Character.isDigit(current)) {
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
                tokens.add(new Token(TokenType.OTHER, text.substring(start, pos), "", newline));
            } else if (current == '"') {
                StringBuilder value = new StringBuilder();
                pos++;
                while (pos < text.length() && text.charAt(pos) != '"' && text.charAt(pos) != '\n') {
                    char inString = text.charAt(pos++);
                    if (inString == '\\' && pos < text.length()) {
                        value.append(unescape(text.charAt(pos++)));
                    } else {
                        value.append(inString);
                    }
                }
                pos++;
                tokens.add(new Token(TokenType.STRING, text.substring(start, Math.min(pos, text.length())), value.toString(), newline));
            } else if (text.startsWith("..", pos)) {
                pos += 2;
                tokens.add(new Token(TokenType.OTHER, "..", "", newline));
            } else {
                pos++;
                tokens.add(new Token(TokenType.SYMBOL, String.valueOf(current), "", newline));
            }
        }
        return tokens;
    }

    private static String unescape(char escaped) {
        return switch (escaped) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '0' -> "\0";
            default -> String.valueOf(escaped);
        };
    }
}
