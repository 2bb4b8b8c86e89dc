package lessonbook.format;

import java.util.Optional;

/**
 * An image's width and height read from its first bytes (PNG, GIF, JPEG), before it is decoded: a notebook's
 * image (a saved output, or a picture beside a lesson) is a few hundred kilobytes that may decode to gigabytes of
 * pixels, and the window decodes only what fits its bound. Pure logic, no JavaFX.
 */
public record ImageSize(int width, int height) {
    /** 16 million pixels, 64 MB decoded: more than any plot, less than a decompression bomb's worth. */
    public static final long MAX_PIXELS = 16_000_000L;

    public long pixels() {
        return (long) width * height;
    }

    public boolean fits() {
        return width > 0 && height > 0 && pixels() <= MAX_PIXELS;
    }

    /** The size the header states, or empty for a format not known here or a header cut short. */
    public static Optional<ImageSize> of(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G') && bytes.length >= 24) {
            return Optional.of(new ImageSize(bigEndian(bytes, 16), bigEndian(bytes, 20)));
        }
        if (startsWith(bytes, 'G', 'I', 'F') && bytes.length >= 10) {
            return Optional.of(new ImageSize(littleEndian16(bytes, 6), littleEndian16(bytes, 8)));
        }
        if (startsWith(bytes, 0xFF, 0xD8)) {
            return jpeg(bytes);
        }
        return Optional.empty();
    }

    /** A JPEG's size is in its first start-of-frame segment; the segments before it are skipped by their lengths. */
    private static Optional<ImageSize> jpeg(byte[] bytes) {
        int i = 2;
        while (i + 9 < bytes.length) {
            if ((bytes[i] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = bytes[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;   // fill byte
                continue;
            }
            int length = ((bytes[i + 2] & 0xFF) << 8) | (bytes[i + 3] & 0xFF);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                int height = ((bytes[i + 5] & 0xFF) << 8) | (bytes[i + 6] & 0xFF);
                int width = ((bytes[i + 7] & 0xFF) << 8) | (bytes[i + 8] & 0xFF);
                return Optional.of(new ImageSize(width, height));
            }
            if (length < 2) {
                return Optional.empty();
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int bigEndian(byte[] b, int at) {
        long value = ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
        return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }

    private static int littleEndian16(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
    }
}
