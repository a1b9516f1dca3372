package org.neuralop4j.io;

/**
 * An RGB canvas for the plots: rectangles, lines, and text in a built-in 3×5 pixel font (digits,
 * lowercase letters and a few signs; uppercase is drawn as lowercase), scaled by an integer factor.
 */
public final class Image {
    private final int width, height;
    private final int[] rgb;

    public Image(int width, int height, int background) {
        if (width < 1 || height < 1) throw new IllegalArgumentException("image: size must be positive, got " + width + " × " + height);
        this.width = width;
        this.height = height;
        this.rgb = new int[width * height];
        java.util.Arrays.fill(rgb, background);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels, 0xRRGGBB, row by row from the top (the live array). */
    public int[] pixels() {
        return rgb;
    }

    public int get(int x, int y) {
        return rgb[y * width + x];
    }

    public void set(int x, int y, int color) {
        if (x >= 0 && y >= 0 && x < width && y < height) rgb[y * width + x] = color;
    }

    public void fill(int x, int y, int w, int h, int color) {
        for (int j = Math.max(0, y); j < Math.min(height, y + h); j++) {
            for (int i = Math.max(0, x); i < Math.min(width, x + w); i++) rgb[j * width + i] = color;
        }
    }

    /** An unfilled rectangle, 1 pixel wide. */
    public void box(int x, int y, int w, int h, int color) {
        fill(x, y, w, 1, color);
        fill(x, y + h - 1, w, 1, color);
        fill(x, y, 1, h, color);
        fill(x + w - 1, y, 1, h, color);
    }

    /** A line of the given thickness (Bresenham's algorithm, each point a thickness² square). */
    public void line(int x0, int y0, int x1, int y1, int thickness, int color) {
        int dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, err = dx + dy;
        while (true) {
            fill(x0 - thickness / 2, y0 - thickness / 2, thickness, thickness, color);
            if (x0 == x1 && y0 == y1) return;
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x0 += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y0 += sy;
            }
        }
    }

    /** Width in pixels of text at the given scale. */
    public static int textWidth(String s, int scale) {
        return s.isEmpty() ? 0 : (4 * s.length() - 1) * scale;
    }

    /** Text with its top-left corner at (x, y); each glyph is 3×5 cells of scale × scale pixels. */
    public void text(String s, int x, int y, int scale, int color) {
        for (int k = 0; k < s.length(); k++) {
            int g = glyph(Character.toLowerCase(s.charAt(k)));
            for (int row = 0; row < 5; row++) {
                for (int col = 0; col < 3; col++) {
                    if ((g >> (14 - 3 * row - col) & 1) != 0) fill(x + (4 * k + col) * scale, y + row * scale, scale, scale, color);
                }
            }
        }
    }

    private static final String CHARS = "0123456789.-+:=/()_,%abcdefghijklmnopqrstuvwxyz";
    /** Rows of 3 bits, top row first. */
    private static final String[] GLYPHS = {
        "111 101 101 101 111", "010 110 010 010 111", "111 001 111 100 111", "111 001 111 001 111", "101 101 111 001 001",
        "111 100 111 001 111", "111 100 111 101 111", "111 001 001 010 010", "111 101 111 101 111", "111 101 111 001 111",
        "000 000 000 000 010", "000 000 111 000 000", "000 010 111 010 000", "000 010 000 010 000", "000 111 000 111 000",
        "001 001 010 100 100", "010 100 100 100 010", "010 001 001 001 010", "000 000 000 000 111", "000 000 000 010 100",
        "101 001 010 100 101",
        "000 011 101 101 011", "100 110 101 101 110", "000 011 100 100 011", "001 011 101 101 011", "000 011 111 100 011",
        "011 100 110 100 100", "000 011 101 011 110", "100 110 101 101 101", "010 000 010 010 010", "001 000 001 001 110",
        "100 101 110 110 101", "100 100 100 100 011", "000 111 111 101 101", "000 110 101 101 101", "000 010 101 101 010",
        "000 110 101 111 100", "000 011 101 111 001", "000 101 110 100 100", "000 011 110 011 110", "010 111 010 010 011",
        "000 101 101 101 011", "000 101 101 101 010", "000 101 101 111 111", "000 101 010 010 101", "000 101 101 010 100",
        "000 111 011 110 111",
    };

    private static int glyph(char c) {
        int i = CHARS.indexOf(c);
        return i < 0 ? 0 : Integer.parseInt(GLYPHS[i].replace(" ", ""), 2);
    }
}
