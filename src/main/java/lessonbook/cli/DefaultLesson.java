package lessonbook.cli;

import java.nio.file.Path;

import lessonbook.format.files.BundledLessons;

/** Where the default lesson is: the bundled lessons' {@code multiprocessing.md} (see {@link BundledLessons}). */
public final class DefaultLesson {
    static final Path RELATIVE = Path.of("lessons", BundledLessons.DEFAULT_LESSON);

    private DefaultLesson() {
    }

    public static Path find() {
        return BundledLessons.find().defaultLesson().orElse(RELATIVE);
    }
}
