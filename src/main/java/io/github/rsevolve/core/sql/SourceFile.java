package io.github.rsevolve.core.sql;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The decoded text of one SQL file and where its lines start, so any offset maps to a line and column.
 *
 * @param path        where the file is
 * @param displayPath the path shown to users (relative to the project base dir)
 * @param text        the text, without a byte order mark
 */
public record SourceFile(Path path, String displayPath, String text, int[] lineStarts) {

    public static SourceFile of(Path path, String displayPath, String text) {
        return new SourceFile(path, displayPath, text, lineStarts(text));
    }

    /** A path as users see it: relative to the base dir when inside it, with forward slashes on every platform. */
    public static String displayPath(Path baseDir, Path file) {
        Path base = baseDir.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** Line starts after \n, \r\n and a lone \r, as editors count them. */
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        boolean lineFeedsOnly = text.indexOf('\r') < 0;
        for (int at = nextLineStart(text, 0, lineFeedsOnly); at >= 0; at = nextLineStart(text, at, lineFeedsOnly)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = at;
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * Where the line after the one holding 'from' starts, or -1. Line feeds only, the common case, are found by
     * String.indexOf, which the JIT has compiled long before.
     */
    private static int nextLineStart(String text, int from, boolean lineFeedsOnly) {
        if (lineFeedsOnly) {
            int lineFeed = text.indexOf('\n', from);
            return lineFeed < 0 ? -1 : lineFeed + 1;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The 1-based line and column of a character offset. */
    public SourcePosition position(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new SourcePosition(line + 1, offset - lineStarts[line] + 1);
    }

    /** The character offset of a 1-based line and column, clamped to the text. */
    public int offset(int line, int column) {
        int lineIndex = Math.max(0, Math.min(line - 1, lineStarts.length - 1));
        return Math.min(text.length(), lineStarts[lineIndex] + Math.max(0, column - 1));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceFile that && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
