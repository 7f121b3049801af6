package org.adjoint4j.examples.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** An RGB image with a white background and the text helpers the plots share. */
final class PlotCanvas {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color AXIS = new Color(0x222222);
    static final Color GRID = new Color(0xdddddd);

    final BufferedImage image;
    final Graphics2D g;

    PlotCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setStroke(new BasicStroke(1f));
    }

    /** Text centred horizontally at {@code x}, baseline at {@code y}. */
    void centred(String text, Font font, double x, double y) {
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (x - m.stringWidth(text) / 2.0), (float) y);
    }

    /** Text ending at {@code x}, vertically centred on {@code y}. */
    void rightAligned(String text, Font font, double x, double y) {
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (x - m.stringWidth(text)), (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
    }

    /** Text starting at {@code x}, vertically centred on {@code y}. */
    void leftAligned(String text, Font font, double x, double y) {
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) x, (float) (y + (m.getAscent() - m.getDescent()) / 2.0));
    }

    /** Text rotated a quarter turn anticlockwise (reading upwards), centred on ({@code x}, {@code y}). */
    void vertical(String text, Font font, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (-m.stringWidth(text) / 2.0), (float) ((m.getAscent() - m.getDescent()) / 2.0));
        g.setTransform(saved);
    }

    /**
     * A title centred at {@code x} on the baseline {@code y}, in the title font, made smaller if needed
     * so that it fits within the image with a margin.
     */
    void title(String text, double x, double y) {
        Font font = TITLE;
        int room = image.getWidth() - 20;
        while (width(text, font) > room && font.getSize2D() > 8) {
            font = font.deriveFont(font.getSize2D() - 1);
        }
        centred(text, font, x, y);
    }

    /** Width of {@code text} in {@code font}, in pixels. */
    int width(String text, Font font) {
        return g.getFontMetrics(font).stringWidth(text);
    }

    /** Writes the image as a PNG file and releases the graphics. */
    void writePng(Path file) throws IOException {
        g.dispose();
        try (var out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this JDK; cannot write " + file);
            }
        }
    }
}
