package org.hotlock.launcher.repl;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.Set;
import java.util.regex.Pattern;

/** Colours the line as it is typed: keywords, strings, numbers, comments, slash commands. */
final class HotLockHighlighter implements Highlighter {
    private static final Set<String> KEYWORDS = Set.copyOf(HotLockCompleter.KEYWORDS);
    private static final Pattern TOKENS = Pattern.compile(
            "(?<comment>//[^\\n]*)|(?<string>\"(?:[^\"\\\\\\n]|\\\\.)*\"?)|(?<number>\\b(?:0x[0-9a-fA-F_]+|\\d[\\d_]*[KMGTP]?)\\b)|(?<word>[A-Za-z_$][A-Za-z0-9_]*)");

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (buffer.stripLeading().startsWith("/")) {
            return sb.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA), buffer).toAttributedString();
        }
        var m = TOKENS.matcher(buffer);
        int last = 0;
        while (m.find()) {
            sb.append(buffer.substring(last, m.start()));
            String t = m.group();
            AttributedStyle style = AttributedStyle.DEFAULT;
            if (m.group("comment") != null) {
                style = style.foreground(AttributedStyle.BRIGHT).faint();
            } else if (m.group("string") != null) {
                style = style.foreground(AttributedStyle.GREEN);
            } else if (m.group("number") != null) {
                style = style.foreground(AttributedStyle.CYAN);
            } else if (KEYWORDS.contains(t)) {
                style = style.bold().foreground(AttributedStyle.BLUE);
            }
            sb.styled(style, t);
            last = m.end();
        }
        sb.append(buffer.substring(last));
        return sb.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
