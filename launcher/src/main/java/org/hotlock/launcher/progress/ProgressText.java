package org.hotlock.launcher.progress;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.Locale;

/**
 * A progress report as one line of styled text: a bar, then executions, rate, depth, findings
 * (red once there are any), elapsed time and the estimate (or that there is none), cut to the
 * width of the terminal.
 */
public final class ProgressText {
    static final int BAR = 16;

    private ProgressText() {
    }

    /** The line for a report; {@code prefix} (may be empty) says whose progress it is. */
    public static AttributedString line(String prefix, Progress p, int width) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (!prefix.isEmpty()) {
            sb.style(AttributedStyle.BOLD).append(prefix).style(AttributedStyle.DEFAULT).append(' ');
        }
        sb.style(AttributedStyle.BOLD).append(p.mode()).style(AttributedStyle.DEFAULT).append(' ');
        bar(sb, p.fraction());
        sb.append(' ');
        if (p.totalExact()) {
            sb.append(count(p.executions())).append(" of ").append(count(p.total())).append(" runs");
        } else {
            sb.append(count(p.executions())).append(" executions");
        }
        sb.append(" · ").append(count(Math.round(p.perSecond()))).append("/s · depth ").append(Long.toString(p.depth())).append(" · ");
        sb.style(p.findings() > 0 ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.DEFAULT)
                .append(p.findings() + (p.findings() == 1 ? " finding" : " findings")).style(AttributedStyle.DEFAULT);
        sb.append(" · ").append(String.format(Locale.ROOT, "%.1f s", p.elapsed())).append(" · ");
        double left = p.secondsLeft();
        sb.style(AttributedStyle.DEFAULT.faint());
        if (left >= 0) {
            sb.append(String.format(Locale.ROOT, "about %.0f s left", Math.ceil(left)));
        } else {
            sb.append("no estimate: size unknown until done (bound ").append(count(p.total())).append(')');
        }
        sb.style(AttributedStyle.DEFAULT);
        AttributedString line = sb.toAttributedString();
        return width > 1 && line.columnLength() > width - 1 ? line.columnSubSequence(0, width - 1) : line;
    }

    private static void bar(AttributedStringBuilder sb, double fraction) {
        int full = (int) Math.round(fraction * BAR);
        sb.append('▕').style(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN)).append("█".repeat(full))
                .style(AttributedStyle.DEFAULT.faint()).append("░".repeat(BAR - full)).style(AttributedStyle.DEFAULT).append('▏');
    }

    /** A count with thin groups, as the reports print them: 1 000 000. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
