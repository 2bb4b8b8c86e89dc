package lessonbook.format;

import static lessonbook.testkit.TestImages.encoded;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageSizeTest {
    @Test
    void readsTheSizeOfPngGifAndJpegFromTheirHeaders() {
        assertThat(ImageSize.of(encoded("png", 640, 480))).contains(new ImageSize(640, 480));
        assertThat(ImageSize.of(encoded("gif", 33, 17))).contains(new ImageSize(33, 17));
        assertThat(ImageSize.of(encoded("jpg", 301, 199))).contains(new ImageSize(301, 199));
    }

    @Test
    void aHeaderThatClaimsAHugeImageDoesNotFitAndTextIsNotAnImage() {
        byte[] png = new byte[24];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        png[16] = 0x00;
        png[17] = 0x01;   // width 100,000 (0x000186A0)
        png[18] = (byte) 0x86;
        png[19] = (byte) 0xA0;
        png[22] = 0x27;   // height 10,000 (0x00002710)
        png[23] = 0x10;
        ImageSize claimed = ImageSize.of(png).orElseThrow();
        assertThat(claimed).isEqualTo(new ImageSize(100_000, 10_000));
        assertThat(claimed.fits()).isFalse();
        assertThat(ImageSize.of("<svg/>".getBytes())).isEmpty();
        assertThat(ImageSize.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    }
}
