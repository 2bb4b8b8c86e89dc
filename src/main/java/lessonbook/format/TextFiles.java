package lessonbook.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a notebook file as text, refusing what is not a lesson before any parser sees it: files above a size
 * limit (checked before reading, and again while reading in case the file grows), binary data (a NUL byte) and
 * bytes that are not UTF-8, each with the line where the problem is.
 */
public final class TextFiles {
    /**
     * Lessons are prose and code; anything this large is a mistake (a log, a data file), not a lesson. A cell
     * keeps at most about 330 KB of output ({@link lessonbook.model.OutputBudget}), so a lesson saved with a
     * hundred cells that each printed forever still opens again.
     */
    public static final long MAX_BYTES = 48L * 1024 * 1024;

    /** A Jupyter notebook carries its images as base64 text, so it may be larger than a lesson. */
    public static final long MAX_NOTEBOOK_BYTES = 64L * 1024 * 1024;

    private TextFiles() {
    }

    public static String read(Path file) throws IOException, LessonFormatException {
        return read(file, MAX_BYTES);
    }

    public static String read(Path file, long maxBytes) throws IOException, LessonFormatException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(file, size, maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(file, bytes.length, maxBytes);
        }
        return decode(file, bytes);
    }

    static String decode(Path file, byte[] bytes) throws LessonFormatException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new LessonFormatException(file, lineAt(bytes, i),
                        "binary data (a NUL byte at column " + columnAt(bytes, i)
                                + "): this is not a text file");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new LessonFormatException(file, lineAt(bytes, at), String.format(Locale.ROOT,
                    "not valid UTF-8 (byte 0x%02X at column %d); save the file as UTF-8",
                    bytes[at] & 0xff, columnAt(bytes, at)));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static LessonFormatException tooLarge(Path file, long size, long maxBytes) {
        return new LessonFormatException(file, 0, String.format(Locale.ROOT,
                "the file is %.1f MB; Lessonbook refuses files larger than %d MB", size / 1048576.0,
                maxBytes / (1024 * 1024)));
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnAt(byte[] bytes, int offset) {
        int start = offset;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        return offset - start + 1;
    }
}
