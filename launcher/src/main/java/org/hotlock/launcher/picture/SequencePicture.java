package org.hotlock.launcher.picture;

import java.util.ArrayList;
import java.util.List;

/**
 * A failing interleaving as a sequence picture: a lifeline per thread, a row per step, each
 * step's text kept inside its thread's column (cut with "..." where it is longer; its tooltip
 * has all of it). Writes are red, reads blue, lock operations green. A deadlock ends with a
 * row per blocked thread, drawn apart from the steps (a hollow marker, "blocked:", a dashed
 * frame) with a dashed arrow to the thread it waits for, and a footer with the wait-for cycle;
 * any other failure ends with its category and first line.
 */
public final class SequencePicture {
    /** A step of the interleaving: the thread that took it and what it did. */
    public record Step(String thread, String text) {
    }

    static final double FONT = 12;
    static final double ROW = 18;
    static final double MARGIN = 12;
    static final double NUMBER_COLUMN = 44;
    static final double MIN_COLUMN = 170;
    static final double MAX_COLUMN = 380;
    static final String BLOCKED = "#c00000";

    private final String title;
    private final String category;
    private final String message;
    private final List<Step> steps;

    /**
     * @param message the failure's message; for a deadlock its lines "  T waits for L, held by H"
     *                and "wait-for cycle: ..." (spec/concurrency.md) give the blocked rows and the footer
     */
    public SequencePicture(String title, String category, String message, List<Step> steps) {
        this.title = title;
        this.category = category;
        this.message = message;
        this.steps = steps;
    }

    /** A thread blocked at the end: what it waits for, and the thread holding that (null: none named). */
    record Blocked(String thread, String waits, String holder) {
    }

    List<String> threads() {
        List<String> threads = new ArrayList<>();
        for (Step s : steps) {
            if (!threads.contains(s.thread())) {
                threads.add(s.thread());
            }
        }
        for (Blocked b : blocked()) {
            if (!threads.contains(b.thread())) {
                threads.add(b.thread());
            }
        }
        return threads;
    }

    List<Blocked> blocked() {
        List<Blocked> blocked = new ArrayList<>();
        if (!"deadlock".equals(category)) {
            return blocked;
        }
        for (String line : message.split("\n")) {
            if (!line.startsWith("  ") || line.isBlank()) {
                continue;
            }
            String l = line.strip();
            int space = l.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String rest = l.substring(space + 1);
            int held = rest.indexOf(", held by ");
            String holder = held < 0 ? (rest.startsWith("joins ") ? rest.substring("joins ".length()) : null)
                    : rest.substring(held + ", held by ".length()).split(", ")[0];
            blocked.add(new Blocked(l.substring(0, space), held < 0 ? rest : rest.substring(0, held), holder));
        }
        return blocked;
    }

    /** The last line: the wait-for cycle of a deadlock, else the category and the failure's first line. */
    String footer() {
        for (String line : message.split("\n")) {
            if (line.startsWith("wait-for cycle: ")) {
                return "deadlock, " + line;
            }
        }
        return category + " after step " + (steps.size() - 1) + ": " + message.lines().findFirst().orElse("");
    }

    public String svg() {
        List<String> threads = threads();
        List<Blocked> blocked = blocked();
        double[] columnX = new double[threads.size()];
        double[] columnWidth = new double[threads.size()];
        double x = MARGIN + NUMBER_COLUMN;
        for (int t = 0; t < threads.size(); t++) {
            double widest = Svg.textWidth(threads.get(t), FONT + 1);
            for (Step s : steps) {
                if (s.thread().equals(threads.get(t))) {
                    widest = Math.max(widest, Svg.textWidth(s.text(), FONT) + 16);
                }
            }
            for (Blocked b : blocked) {
                if (b.thread().equals(threads.get(t))) {
                    widest = Math.max(widest, Svg.textWidth("blocked: " + b.waits(), FONT) + 24);
                }
            }
            columnX[t] = x;
            columnWidth[t] = Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, widest + 14));
            x += columnWidth[t];
        }
        // as wide as the columns (a long message is wrapped, not allowed to widen the picture)
        double width = Math.max(x + MARGIN, 640);
        List<String> heading = Svg.wrap(message.lines().findFirst().orElse(""), FONT, width - 2 * MARGIN);
        List<String> footer = Svg.wrap(footer(), FONT, width - 2 * MARGIN);
        double top = MARGIN + FONT + 6 + heading.size() * ROW + 24;
        double rows = steps.size() + blocked.size();
        double bottom = top + rows * ROW + 10;
        double height = bottom + (footer.size() + 1) * ROW + MARGIN;
        Svg svg = new Svg(width, height);
        svg.text(MARGIN, MARGIN + FONT, Svg.fit(title, FONT + 1, width - 2 * MARGIN), FONT + 1, "#000", "start", true);
        svg.group(message);
        for (int i = 0; i < heading.size(); i++) {
            svg.text(MARGIN, MARGIN + FONT + 6 + (i + 1) * ROW - 4, heading.get(i), FONT, BLOCKED, "start", false);
        }
        svg.end();
        for (int t = 0; t < threads.size(); t++) {
            double lx = columnX[t] + 6;
            svg.text(lx, top - 8, Svg.fit(threads.get(t), FONT + 1, columnWidth[t] - 10), FONT + 1, "#000", "start", true);
            svg.path(new double[][]{{lx, top - 2}, {lx, bottom}}, false, "#b8b8b8", 1, null);
        }
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            int t = threads.indexOf(s.thread());
            double y = top + (i + 1) * ROW - 5;
            String colour = colour(s.text());
            double lx = columnX[t] + 6;
            svg.text(MARGIN, y, String.valueOf(i), FONT - 1, "#999", "start", false);
            svg.group(s.thread() + ", step " + i + ": " + s.text());
            svg.rect(lx - 3, y - 8, 6, 6, colour, colour, 1, null);
            svg.text(lx + 8, y, Svg.fit(s.text(), FONT, columnWidth[t] - 22), FONT, colour, "start", false);
            svg.end();
        }
        for (int k = 0; k < blocked.size(); k++) {
            Blocked b = blocked.get(k);
            int t = threads.indexOf(b.thread());
            double y = top + (steps.size() + k + 1) * ROW - 5;
            double lx = columnX[t] + 6;
            String text = Svg.fit("blocked: " + b.waits(), FONT, columnWidth[t] - 28);
            svg.group(b.thread() + " is blocked: it waits for " + b.waits() + (b.holder() == null ? "" : ", held by " + b.holder()));
            svg.rect(lx + 4, y - FONT + 1, Svg.textWidth(text, FONT) + 8, FONT + 4, "#fff0f0", BLOCKED, 1, "3,2");
            svg.rect(lx - 4, y - 9, 8, 8, "white", BLOCKED, 1.5, null);
            svg.text(lx + 8, y, text, FONT, BLOCKED, "start", true);
            int h = b.holder() == null ? -1 : threads.indexOf(b.holder());
            if (h >= 0) {
                double hx = columnX[h] + 6;
                double fromX = hx > lx ? lx + 12 + Svg.textWidth(text, FONT) : lx - 6;
                double[][] arrow = {{fromX, y - 4}, {hx + (hx > lx ? -4 : 4), y - 4}};
                svg.path(arrow, false, BLOCKED, 1.2, "4,3");
                svg.arrowhead(arrow[0], arrow[1], BLOCKED, 8);
            }
            svg.end();
        }
        svg.path(new double[][]{{MARGIN, bottom + 6}, {width - MARGIN, bottom + 6}}, false, "#ddd", 1, null);
        svg.group(message);
        for (int i = 0; i < footer.size(); i++) {
            svg.text(MARGIN, bottom + (i + 1) * ROW + 6, footer.get(i), FONT, BLOCKED, "start", true);
        }
        svg.end();
        return svg.toString();
    }

    private static String colour(String step) {
        if (step.startsWith("write")) {
            return "#b00000";
        }
        if (step.startsWith("read")) {
            return "#0050a0";
        }
        if (step.startsWith("lock") || step.startsWith("unlock") || step.startsWith("trylock")) {
            return "#007000";
        }
        return "#333333";
    }
}
