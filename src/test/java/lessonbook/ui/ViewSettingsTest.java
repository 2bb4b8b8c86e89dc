package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewSettingsTest {
    @TempDir
    Path folder;

    @Test
    void whatIsWrittenReadsBackAtTheNextStartAndNoFileReadsAsTheDefaults() {
        Path file = folder.resolve("view.properties");
        assertThat(ViewSettings.read(new SettingsFile(file))).isEqualTo(ViewSettings.DEFAULT);
        ViewSettings projector = new ViewSettings(21, true, true, false);

        projector.write(new SettingsFile(file));

        assertThat(ViewSettings.read(new SettingsFile(file))).as("a new instance reads the file").isEqualTo(projector);
    }

    @Test
    void aFontOutOfRangeReadsAsTheDefaultFont() {
        SettingsFile settings = new SettingsFile(folder.resolve("view.properties"));
        settings.putDouble("fontSize", 400);
        settings.putBoolean("dark", true);

        assertThat(ViewSettings.read(settings)).isEqualTo(new ViewSettings(Appearance.BASE_FONT, true, false, false));
    }
}
