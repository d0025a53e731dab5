package org.hotlock.launcher.picture;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the SVG HotLock writes (rect, path with M/L/C, polygon, text) to a PNG with Java2D,
 * so that a test can look at a picture as a person would, at a given scale: the file is
 * parsed as XML (a malformed picture fails here), and what it draws is kept, boxes and texts
 * with their bounds, for the test to measure (overlaps, sizes at page width).
 */
public final class SvgRaster {
    /** A drawn text: its string and where it landed, in the scaled picture's pixels. */
    public record DrawnText(String text, Rectangle2D bounds, double fontPixels) {
    }

    public final List<DrawnText> texts = new ArrayList<>();
    public final List<Rectangle2D> boxes = new ArrayList<>();
    public final BufferedImage image;
    private final double scale;

    /** Renders the SVG at {@code targetWidth} pixels wide (0: its own width). */
    public SvgRaster(String svg, int targetWidth) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        double w = Double.parseDouble(root.getAttribute("width"));
        double h = Double.parseDouble(root.getAttribute("height"));
        scale = targetWidth == 0 ? 1 : targetWidth / w;
        image = new BufferedImage((int) Math.ceil(w * scale), (int) Math.ceil(h * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        draw(g, root);
        g.dispose();
    }

    public void writePng(Path file) throws IOException {
        ImageIO.write(image, "png", file.toFile());
    }

    private void draw(Graphics2D g, Element e) {
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (!(n instanceof Element c)) {
                continue;
            }
            switch (c.getTagName()) {
                case "g" -> draw(g, c);
                case "rect" -> rect(g, c);
                case "path" -> path(g, c);
                case "polygon" -> polygon(g, c);
                case "text" -> text(g, c);
                case "title" -> {
                }
                default -> throw new IllegalArgumentException("an element the pictures do not use: " + c.getTagName());
            }
        }
    }

    private void rect(Graphics2D g, Element c) {
        RoundRectangle2D r = new RoundRectangle2D.Double(num(c, "x"), num(c, "y"), num(c, "width"), num(c, "height"), 6, 6);
        if (fill(g, c)) {
            g.fill(r);
        }
        if (stroke(g, c)) {
            g.draw(r);
            boxes.add(scaled(r.getBounds2D()));
        }
    }

    private void path(Graphics2D g, Element c) {
        String[] tokens = c.getAttribute("d").trim().split("[ ,]+|(?=[MLC])|(?<=[MLC])");
        Path2D p = new Path2D.Double();
        char command = 'M';
        List<Double> args = new ArrayList<>();
        for (String t : tokens) {
            if (t.isEmpty()) {
                continue;
            }
            if (Character.isLetter(t.charAt(0))) {
                command = t.charAt(0);
                continue;
            }
            args.add(Double.parseDouble(t));
            if (command == 'M' && args.size() == 2) {
                p.moveTo(args.get(0), args.get(1));
                args.clear();
            } else if (command == 'L' && args.size() == 2) {
                p.lineTo(args.get(0), args.get(1));
                args.clear();
            } else if (command == 'C' && args.size() == 6) {
                p.curveTo(args.get(0), args.get(1), args.get(2), args.get(3), args.get(4), args.get(5));
                args.clear();
            }
        }
        if (stroke(g, c)) {
            g.draw(p);
        }
    }

    private void polygon(Graphics2D g, Element c) {
        String[] xy = c.getAttribute("points").trim().split("[ ,]+");
        Path2D p = new Path2D.Double();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (i == 0) {
                p.moveTo(Double.parseDouble(xy[i]), Double.parseDouble(xy[i + 1]));
            } else {
                p.lineTo(Double.parseDouble(xy[i]), Double.parseDouble(xy[i + 1]));
            }
        }
        p.closePath();
        if (fill(g, c)) {
            g.fill(p);
        }
    }

    private void text(Graphics2D g, Element c) {
        double size = num(c, "font-size");
        g.setFont(new Font(Font.MONOSPACED, "bold".equals(c.getAttribute("font-weight")) ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size));
        g.setColor(colour(c.getAttribute("fill")));
        String s = c.getTextContent();
        double width = g.getFontMetrics().getStringBounds(s, g).getWidth();
        double x = num(c, "x");
        String anchor = c.getAttribute("text-anchor");
        if (anchor.equals("middle")) {
            x -= width / 2;
        } else if (anchor.equals("end")) {
            x -= width;
        }
        double y = num(c, "y");
        g.drawString(s, (float) x, (float) y);
        texts.add(new DrawnText(s, scaled(new Rectangle2D.Double(x, y - size * 0.75, width, size * 0.9)), size * scale));
    }

    private Rectangle2D scaled(Rectangle2D r) {
        return new Rectangle2D.Double(r.getX() * scale, r.getY() * scale, r.getWidth() * scale, r.getHeight() * scale);
    }

    private static boolean fill(Graphics2D g, Element c) {
        String fill = c.getAttribute("fill");
        if (fill.equals("none")) {
            return false;
        }
        g.setColor(colour(fill.isEmpty() ? "#000" : fill));
        return true;
    }

    private static boolean stroke(Graphics2D g, Element c) {
        String stroke = c.getAttribute("stroke");
        if (stroke.isEmpty() || stroke.equals("none")) {
            return false;
        }
        g.setColor(colour(stroke));
        float width = c.hasAttribute("stroke-width") ? (float) num(c, "stroke-width") : 1f;
        if (width == 0) {
            return false;
        }
        String dash = c.getAttribute("stroke-dasharray");
        if (dash.isEmpty()) {
            g.setStroke(new BasicStroke(width));
        } else {
            String[] parts = dash.split("[ ,]+");
            float[] d = new float[parts.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = Float.parseFloat(parts[i]);
            }
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, d, 0));
        }
        return true;
    }

    private static double num(Element c, String attribute) {
        return Double.parseDouble(c.getAttribute(attribute));
    }

    private static Color colour(String s) {
        return switch (s) {
            case "white" -> Color.WHITE;
            case "black" -> Color.BLACK;
            default -> {
                String hex = s.substring(1);
                if (hex.length() == 3) {
                    hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
                }
                yield new Color(Integer.parseInt(hex, 16));
            }
        };
    }
}
