package lessonbook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DesktopEntryTest {
    @Test
    void noDisplaySaysSoAndPointsToTheHeadlessCommand() {
        String text = DesktopEntry.explain(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertTrue(text.startsWith("Lessonbook cannot open its window: there is no display"), text);
        assertTrue(text.contains("lessonbook run FILE"), text);
        assertTrue(text.contains("(JavaFX said: Unable to open DISPLAY)"), text);
    }

    @Test
    void missingGtkNamesThePackageToInstall() {
        String text = DesktopEntry.explain(new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to load glass GTK library.")));
        assertTrue(text.contains("GTK 3 library, which is missing"), text);
        assertTrue(text.contains("sudo apt install libgtk-3-0"), text);
        assertTrue(text.contains("Application launch failed: Unable to load glass GTK library."), text);
    }

    @Test
    void anyOtherFailureStillGetsOneReadableParagraphWithItsCause() {
        String text = DesktopEntry.explain(new IllegalStateException((String) null));
        assertTrue(text.startsWith("Lessonbook's window failed to start."), text);
        assertTrue(text.contains("(JavaFX said: IllegalStateException)"), text);
    }
}
