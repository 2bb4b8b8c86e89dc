package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ViewSettingsTest {
    private final Preferences node = Preferences.userRoot().node("lessonbook-test/view-" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void whatIsWrittenReadsBackAndANodeNeverWrittenReadsAsTheDefaults() {
        assertThat(ViewSettings.read(node)).isEqualTo(ViewSettings.DEFAULT);
        ViewSettings projector = new ViewSettings(21, true, true, false);

        projector.write(node);

        assertThat(ViewSettings.read(node)).isEqualTo(projector);
    }

    @Test
    void aFontOutOfRangeReadsAsTheDefaultFont() {
        node.putDouble("fontSize", 400);
        node.putBoolean("dark", true);

        assertThat(ViewSettings.read(node)).isEqualTo(new ViewSettings(Appearance.BASE_FONT, true, false, false));
    }
}
