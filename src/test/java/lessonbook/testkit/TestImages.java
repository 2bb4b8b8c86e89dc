package lessonbook.testkit;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Real encoded images (PNG, GIF, JPEG) of a given size, for tests of what reads or shows them. */
public final class TestImages {
    private TestImages() {
    }

    /** A black image of {@code width} x {@code height}, encoded by the JDK's ImageIO as {@code format}. */
    public static byte[] encoded(String format, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
