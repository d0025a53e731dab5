package org.hotlock.launcher.picture;

import java.util.Locale;

/**
 * A small SVG writer for HotLock's pictures: boxes, paths, arrowheads and text, each with an
 * optional tooltip ({@code <title>}), in the few elements a browser and the tests' renderer
 * both draw (rect, path with M/L/C, polygon, text).
 */
public final class Svg {
    /** The font every picture uses; its width per character is what {@link #textWidth} assumes. */
    static final String FONT = "DejaVu Sans Mono, Menlo, Consolas, monospace";
    /** The width of a monospace character as a share of the font size. */
    private static final double CHAR_WIDTH = 0.62;

    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;

    public Svg(double width, double height) {
        this.width = Math.ceil(width);
        this.height = Math.ceil(height);
    }

    /** How wide a text of this size is drawn, in pixels. */
    public static double textWidth(String text, double size) {
        return text.length() * size * CHAR_WIDTH;
    }

    /** The longest prefix of the text (with "..." when cut) that fits the width at this size. */
    public static String fit(String text, double size, double maxWidth) {
        int max = (int) Math.floor(maxWidth / (size * CHAR_WIDTH));
        if (text.length() <= max) {
            return text;
        }
        return max <= 3 ? "" : text.substring(0, max - 3) + "...";
    }

    /** The text in lines that fit the width at this size, broken at spaces where it can be. */
    public static java.util.List<String> wrap(String text, double size, double maxWidth) {
        int max = Math.max(8, (int) Math.floor(maxWidth / (size * CHAR_WIDTH)));
        java.util.List<String> lines = new java.util.ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf(' ', max);
            cut = cut <= max / 2 ? max : cut;
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    public Svg rect(double x, double y, double w, double h, String fill, String stroke, double strokeWidth, String dash) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" rx=\"3\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(n(strokeWidth)).append('"');
        dash(dash);
        body.append("/>\n");
        return this;
    }

    /** A line through the points, straight ({@code curved} false) or as a smooth curve through them. */
    public Svg path(double[][] points, boolean curved, String stroke, double strokeWidth, String dash) {
        body.append("<path d=\"").append(pathData(points, curved)).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(n(strokeWidth)).append('"');
        dash(dash);
        body.append("/>\n");
        return this;
    }

    /** An arrowhead at {@code tip}, pointing away from {@code from}. */
    public Svg arrowhead(double[] from, double[] tip, String fill, double size) {
        double dx = tip[0] - from[0];
        double dy = tip[1] - from[1];
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        double bx = tip[0] - ux * size;
        double by = tip[1] - uy * size;
        double half = size * 0.45;
        body.append("<polygon points=\"").append(n(tip[0])).append(',').append(n(tip[1])).append(' ')
                .append(n(bx - uy * half)).append(',').append(n(by + ux * half)).append(' ')
                .append(n(bx + uy * half)).append(',').append(n(by - ux * half)).append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /** Text with its baseline at y; {@code anchor} is start, middle or end. */
    public Svg text(double x, double y, String text, double size, String fill, String anchor, boolean bold) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" fill=\"").append(fill).append("\" text-anchor=\"").append(anchor).append('"');
        if (bold) {
            body.append(" font-weight=\"bold\"");
        }
        body.append('>').append(xml(text)).append("</text>\n");
        return this;
    }

    /** Starts a group whose tooltip is the given text (what a browser shows on hover). */
    public Svg group(String tooltip) {
        body.append("<g><title>").append(xml(tooltip)).append("</title>\n");
        return this;
    }

    public Svg end() {
        body.append("</g>\n");
        return this;
    }

    @Override
    public String toString() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(width) + "\" height=\"" + n(height)
                + "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" font-family=\"" + FONT + "\">\n"
                + "<rect x=\"0\" y=\"0\" width=\"" + n(width) + "\" height=\"" + n(height) + "\" fill=\"white\" stroke=\"none\" stroke-width=\"0\"/>\n"
                + body + "</svg>\n";
    }

    private void dash(String dash) {
        if (dash != null) {
            body.append(" stroke-dasharray=\"").append(dash).append('"');
        }
    }

    private static String pathData(double[][] p, boolean curved) {
        StringBuilder d = new StringBuilder("M").append(n(p[0][0])).append(',').append(n(p[0][1]));
        if (!curved || p.length < 3) {
            for (int i = 1; i < p.length; i++) {
                d.append(" L").append(n(p[i][0])).append(',').append(n(p[i][1]));
            }
            return d.toString();
        }
        // Catmull-Rom through the points, as cubic Beziers: the line passes every bend point
        for (int i = 0; i < p.length - 1; i++) {
            double[] p0 = p[Math.max(0, i - 1)];
            double[] p1 = p[i];
            double[] p2 = p[i + 1];
            double[] p3 = p[Math.min(p.length - 1, i + 2)];
            d.append(" C").append(n(p1[0] + (p2[0] - p0[0]) / 6)).append(',').append(n(p1[1] + (p2[1] - p0[1]) / 6)).append(' ')
                    .append(n(p2[0] - (p3[0] - p1[0]) / 6)).append(',').append(n(p2[1] - (p3[1] - p1[1]) / 6)).append(' ')
                    .append(n(p2[0])).append(',').append(n(p2[1]));
        }
        return d.toString();
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
    }

    /** Text as XML character data; characters XML 1.0 cannot hold (a terminal's escape) become spaces. */
    public static String xml(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
