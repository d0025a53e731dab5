package org.hotlock.parser;

import com.oracle.truffle.api.source.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns HotLock source text into tokens. Integer literals understand the kernel's size suffixes
 * ({@code 128M}, {@code 4G}: powers of 1024), hex ({@code 0x100000000}) and digit separators.
 */
public final class Lexer {

    /** Reserved words. Declaration words used by later grammar (machine, thread, ...) stay contextual. */
    public static final Set<String> KEYWORDS = Set.of(
            "fn", "var", "const", "if", "else", "while", "for", "in", "return", "break", "continue",
            "true", "false", "null", "struct", "new");

    private final Source source;
    private final String text;
    private int pos;
    private boolean sawNewline;
    /** Errors found so far; the lexer recovers from each so the parser can report more. */
    private final List<SyntaxErrorException> errors = new ArrayList<>();

    public List<SyntaxErrorException> errors() {
        return errors;
    }

    public Lexer(Source source) {
        this.source = source;
        this.text = source.getCharacters().toString();
    }

    public List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            Token t = next();
            tokens.add(t);
            if (t.is(TokenKind.EOF)) {
                return tokens;
            }
        }
    }

    private SyntaxErrorException error(String message, int start, int length, boolean incomplete) {
        int len = Math.max(0, Math.min(length, text.length() - start));
        return new SyntaxErrorException(message, source.createSection(Math.min(start, text.length()), len), incomplete);
    }

    private Token token(TokenKind kind, int start, Object value) {
        boolean nl = sawNewline;
        sawNewline = false;
        return new Token(kind, text.substring(start, pos), value, start, pos - start, nl);
    }

    private Token next() {
        skipSpaceAndComments();
        int start = pos;
        if (pos >= text.length()) {
            return token(TokenKind.EOF, start, null);
        }
        char c = text.charAt(pos);
        if (Character.isDigit(c)) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_' || (c == '$' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            if (c == '$') {
                pos++;
            }
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String word = text.substring(start, pos);
            return token(KEYWORDS.contains(word) ? TokenKind.KEYWORD : TokenKind.IDENTIFIER, start, word);
        }
        if (c == '"') {
            return string(start);
        }
        pos++;
        switch (c) {
            case '(': return token(TokenKind.LEFT_PAREN, start, null);
            case ')': return token(TokenKind.RIGHT_PAREN, start, null);
            case '{': return token(TokenKind.LEFT_BRACE, start, null);
            case '}': return token(TokenKind.RIGHT_BRACE, start, null);
            case '[': return token(TokenKind.LEFT_BRACKET, start, null);
            case ']': return token(TokenKind.RIGHT_BRACKET, start, null);
            case ',': return token(TokenKind.COMMA, start, null);
            case ';': return token(TokenKind.SEMICOLON, start, null);
            case ':': return token(TokenKind.COLON, start, null);
            case '?': return token(TokenKind.QUESTION, start, null);
            case '~': return token(TokenKind.TILDE, start, null);
            case '^': return token(TokenKind.CARET, start, null);
            case '*': return token(TokenKind.STAR, start, null);
            case '/': return token(TokenKind.SLASH, start, null);
            case '%': return token(TokenKind.PERCENT, start, null);
            case '.': return token(match('.') ? TokenKind.DOT_DOT : TokenKind.DOT, start, null);
            case '+':
                if (match('+')) return token(TokenKind.PLUS_PLUS, start, null);
                return token(match('=') ? TokenKind.PLUS_ASSIGN : TokenKind.PLUS, start, null);
            case '-':
                if (match('-')) return token(TokenKind.MINUS_MINUS, start, null);
                if (match('>')) return token(TokenKind.ARROW, start, null);
                return token(match('=') ? TokenKind.MINUS_ASSIGN : TokenKind.MINUS, start, null);
            case '=': return token(match('=') ? TokenKind.EQUAL : TokenKind.ASSIGN, start, null);
            case '!': return token(match('=') ? TokenKind.NOT_EQUAL : TokenKind.BANG, start, null);
            case '<':
                if (match('<')) return token(TokenKind.SHIFT_LEFT, start, null);
                return token(match('=') ? TokenKind.LESS_EQUAL : TokenKind.LESS, start, null);
            case '>':
                if (match('>')) return token(TokenKind.SHIFT_RIGHT, start, null);
                return token(match('=') ? TokenKind.GREATER_EQUAL : TokenKind.GREATER, start, null);
            case '&':
                if (match('&')) return token(TokenKind.AND_AND, start, null);
                return token(match('=') ? TokenKind.AND_ASSIGN : TokenKind.AMP, start, null);
            case '|':
                if (match('|')) return token(TokenKind.OR_OR, start, null);
                return token(match('=') ? TokenKind.OR_ASSIGN : TokenKind.PIPE, start, null);
            default:
                errors.add(error("unexpected character '" + printable(c) + "'", start, 1, false));
                return next();
        }
    }

    private static String printable(char c) {
        return c < 32 || c == 127 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private boolean match(char expected) {
        if (pos < text.length() && text.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                sawNewline = true;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
                int start = pos;
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("comment is not closed: '*/' expected", start, 2, true);
                }
                for (int i = pos; i < end; i++) {
                    if (text.charAt(i) == '\n') {
                        sawNewline = true;
                    }
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private Token number(int start) {
        int radix = 10;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            radix = 16;
            pos += 2;
        }
        int digitsStart = pos;
        while (pos < text.length() && (Character.digit(text.charAt(pos), radix) >= 0 || text.charAt(pos) == '_')) {
            pos++;
        }
        String digits = text.substring(digitsStart, pos).replace("_", "");
        if (digits.isEmpty()) {
            throw error("hex literal needs digits after '0x'", start, pos - start, false);
        }
        long shift = 0;
        if (pos < text.length() && radix == 10) {
            char suffix = text.charAt(pos);
            int s = switch (suffix) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                case 'T' -> 40;
                case 'P' -> 50;
                default -> 0;
            };
            if (s != 0 && !(pos + 1 < text.length() && (Character.isLetterOrDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '_'))) {
                shift = s;
                pos++;
            }
        }
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            int end = pos;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            errors.add(error("malformed number '" + text.substring(start, end) + "' (size suffixes are K, M, G, T, P)", start, end - start, false));
            pos = end;
            return token(TokenKind.INTEGER, start, 0L);
        }
        long value;
        try {
            value = radix == 16 ? Long.parseUnsignedLong(digits, 16) : Long.parseLong(digits);
            if (shift != 0) {
                if (value != 0 && Long.numberOfLeadingZeros(value) <= shift) {
                    throw new NumberFormatException();
                }
                value <<= shift;
            }
        } catch (NumberFormatException e) {
            errors.add(error("number '" + text.substring(start, pos) + "' does not fit in 64 bits", start, pos - start, false));
            value = 0;
        }
        return token(TokenKind.INTEGER, start, value);
    }

    private Token string(int start) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                errors.add(error("string is not closed: '\"' expected before the end of the line", start, pos - start, false));
                return token(TokenKind.STRING, start, sb.toString());
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return token(TokenKind.STRING, start, sb.toString());
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    errors.add(error("string is not closed", start, pos - start, false));
                    return token(TokenKind.STRING, start, sb.toString());
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case '\\' -> sb.append('\\');
                    case '"' -> sb.append('"');
                    default -> errors.add(error("unknown escape '\\" + printable(e) + "' (known: \\n \\t \\r \\0 \\\\ \\\")", pos - 2, 2, false));
                }
            } else {
                sb.append(c);
            }
        }
    }
}
