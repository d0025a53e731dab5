package org.hotlock.launcher.repl;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits the line for completion (a word ends at white space, parentheses, commas, quotes)
 * and, when Enter is pressed on a snippet that is not finished (an open brace, parenthesis
 * or string), asks for another line instead of accepting it.
 */
final class SnippetParser implements Parser {
    private static final String DELIMITERS = " \t\n(),[]{}\"";
    private final Predicate<String> incomplete;

    SnippetParser(Predicate<String> incomplete) {
        this.incomplete = incomplete;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && incomplete.test(line)) {
            throw new EOFError(-1, cursor, "snippet continues");
        }
        int start = cursor;
        while (start > 0 && DELIMITERS.indexOf(line.charAt(start - 1)) < 0) {
            start--;
        }
        // a sysfs path is one word, slashes included
        String word = line.substring(start, cursor);
        List<String> words = new ArrayList<>();
        words.add(word);
        int wordCursor = word.length();
        return new CompletingParsedLine() {
            @Override
            public CharSequence escape(CharSequence candidate, boolean complete) {
                return candidate;
            }

            @Override
            public int rawWordCursor() {
                return wordCursor;
            }

            @Override
            public int rawWordLength() {
                return word.length();
            }

            @Override
            public String word() {
                return word;
            }

            @Override
            public int wordCursor() {
                return wordCursor;
            }

            @Override
            public int wordIndex() {
                return 0;
            }

            @Override
            public List<String> words() {
                return words;
            }

            @Override
            public String line() {
                return line;
            }

            @Override
            public int cursor() {
                return cursor;
            }
        };
    }
}
