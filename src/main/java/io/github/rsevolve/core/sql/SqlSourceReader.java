package io.github.rsevolve.core.sql;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads SQL files for the engine. Anything wrong with a file (a directory, unreadable, too large, binary, not UTF-8)
 * becomes a located {@link SqlProblem}, never an exception.
 */
public final class SqlSourceReader {

    /** Files larger than this are refused rather than split: no data model file is that large. */
    public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final Path baseDir;
    private final long maxFileBytes;

    public SqlSourceReader(Path baseDir, long maxFileBytes) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.maxFileBytes = maxFileBytes;
    }

    /** Reads and splits one file. */
    public SqlScript read(Path path) {
        return read(path, SqlSplitter::split);
    }

    /**
     * Reads one file and splits it with 'split'; a file that cannot be read as text is a problem, as for {@link
     * #read(Path)}, and is not split.
     */
    public SqlScript read(Path path, Function<SourceFile, SqlScript> split) {
        Path absolute = path.toAbsolutePath().normalize();
        String display = displayPath(absolute);
        SourceFile empty = SourceFile.of(absolute, display, "");
        if (Files.isDirectory(absolute)) {
            return unreadable(empty, "It is a directory, but its name ends in .sql.",
                    "Rename the directory so it does not end in .sql.");
        }
        byte[] bytes;
        try {
            long size = Files.size(absolute);
            if (size > maxFileBytes) {
                return unreadable(empty, "The file is " + size / (1024 * 1024) + " MiB, over the limit of "
                                + maxFileBytes / (1024 * 1024) + " MiB for one SQL file.",
                        "Split the file, or raise redshift.maxFileBytes if it really is a data model file.");
            }
            bytes = Files.readAllBytes(absolute);
        } catch (NoSuchFileException e) {
            return unreadable(empty, "The file does not exist (a dangling link?).", "Remove or fix the link.");
        } catch (AccessDeniedException e) {
            return unreadable(empty, "The file cannot be read: permission denied.",
                    "Give the build user read permission on it.");
        } catch (IOException e) {
            return unreadable(empty, "The file cannot be read: " + e.getClass().getSimpleName() + ".",
                    "Check that the file is readable.");
        }
        return decode(absolute, display, bytes, split);
    }

    private SqlScript decode(Path absolute, String display, byte[] bytes, Function<SourceFile, SqlScript> split) {
        // The lenient decoder is the JDK's fast path; only a text with a NUL or a replacement character needs the
        // byte-exact look of the slow paths.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        int nul = lenient.indexOf('\0') >= 0 ? indexOfNul(bytes) : -1;
        if (nul >= 0) {
            SourceFile file = SourceFile.of(absolute, display, new String(bytes, 0, nul, StandardCharsets.ISO_8859_1));
            return new SqlScript(file, List.of(), List.of(new SqlProblem(SqlProblem.Kind.UNREADABLE_FILE, file,
                    file.text().length(), "The file is binary, not SQL text: it has a NUL byte at byte " + nul + ".",
                    "Remove the file from the SQL folder, or save it as UTF-8 text.")));
        }
        String text;
        int invalidByte = -1;
        try {
            text = lenient.indexOf('\uFFFD') < 0 ? lenient : utf8().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            invalidByte = firstInvalidUtf8(bytes);
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        SourceFile file = SourceFile.of(absolute, display, stripBom(text));
        List<SqlProblem> problems = new ArrayList<>();
        if (invalidByte >= 0) {
            // ISO-8859-1 maps each byte to one character, so the byte index is the character offset.
            problems.add(new SqlProblem(SqlProblem.Kind.NOT_UTF8, file, Math.max(0, invalidByte - bomLength(text)),
                    "The file is not valid UTF-8 (byte 0x" + Integer.toHexString(bytes[invalidByte] & 0xff)
                            + " here); it was read as ISO-8859-1.",
                    "Save the file as UTF-8: Redshift stores text as UTF-8."));
        }
        SqlScript statements = split.apply(file);
        problems.addAll(statements.problems());
        return new SqlScript(file, statements.statements(), List.copyOf(problems));
    }

    /**
     * The file, reported instead of linted because reading and parsing it ran out of memory: the build's heap is
     * too small for it, whatever redshift.maxFileBytes allows.
     */
    public SqlScript tooLargeForHeap(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        long size;
        try {
            size = Files.size(absolute);
        } catch (IOException e) {
            size = -1;
        }
        return unreadable(SourceFile.of(absolute, displayPath(absolute), ""), "Reading and parsing this file"
                        + (size < 0 ? "" : " (" + size / (1024 * 1024) + " MiB)") + " needs more memory than the build"
                        + " has (a heap of " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB).",
                "Give Maven more memory (MAVEN_OPTS=-Xmx1g), split the file, or lower redshift.maxFileBytes so that "
                        + "such files are reported without being read.");
    }

    private static SqlScript unreadable(SourceFile file, String message, String fix) {
        return new SqlScript(file, List.of(),
                List.of(new SqlProblem(SqlProblem.Kind.UNREADABLE_FILE, file, 0, message, fix)));
    }

    private String displayPath(Path absolute) {
        return SourceFile.displayPath(baseDir, absolute);
    }

    private static CharsetDecoder utf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String stripBom(String text) {
        return text.substring(bomLength(text));
    }

    private static int bomLength(String text) {
        if (text.startsWith("\uFEFF")) {
            return 1;
        }
        // The UTF-8 BOM read as ISO-8859-1.
        return text.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The byte offset where the first malformed UTF-8 sequence starts: the decoder stops right there. */
    private static int firstInvalidUtf8(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = utf8().decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return result.isError() ? in.position() : bytes.length - 1;
    }
}
