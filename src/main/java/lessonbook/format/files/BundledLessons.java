package lessonbook.format.files;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lessonbook.format.LessonFormatException;
import lessonbook.format.LessonSummary;

/**
 * The lessons that ship with Lessonbook: the {@code *.md} files of a {@code lessons} folder, found (first that
 * exists) in the working directory, next to the jar (the app image keeps {@code lessons/} beside its jar in
 * {@code lib/app}) or one level above the jar's folder ({@code target/../lessons} in a clone). Files, not jar
 * resources: a lesson's images ({@code ../assets/...}) resolve against its folder, as they do on a code host.
 * The folder is listed, not indexed, so a lesson added to it shows up without a code change.
 */
public final class BundledLessons {
    public static final String DEFAULT_LESSON = "multiprocessing.md";
    /** Listed at most; a folder with more is not a lesson folder someone meant to show whole. */
    static final int MAX_LESSONS = 200;
    private final Path folder;

    public BundledLessons(Path folder) {
        this.folder = folder;
    }

    /** The bundled lessons' folder as found from here (see the class comment); empty when none exists. */
    public static BundledLessons find() {
        return new BundledLessons(candidates().stream().filter(Files::isDirectory).findFirst().orElse(null));
    }

    static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("lessons"));
        try {
            Path jar = Path.of(BundledLessons.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path jarFolder = jar.getParent();
            if (jarFolder != null) {
                candidates.add(jarFolder.resolve("lessons"));
                if (jarFolder.getParent() != null) {
                    candidates.add(jarFolder.resolveSibling("lessons"));
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // No code source (an unusual class loader): only the working directory is looked at.
        }
        return candidates;
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** The lesson opened when none is named: {@value #DEFAULT_LESSON}, else the first lesson, else empty. */
    public Optional<Path> defaultLesson() {
        if (folder == null) {
            return Optional.empty();
        }
        Path preferred = folder.resolve(DEFAULT_LESSON);
        return Files.isRegularFile(preferred) ? Optional.of(preferred) : files().stream().findFirst();
    }

    /** The lesson files, default lesson first, then by name. */
    public List<Path> files() {
        if (folder == null) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.md")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && !entry.getFileName().toString().startsWith(".")
                        && files.size() < MAX_LESSONS) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        files.sort((a, b) -> {
            boolean aDefault = a.getFileName().toString().equals(DEFAULT_LESSON);
            boolean bDefault = b.getFileName().toString().equals(DEFAULT_LESSON);
            return aDefault != bDefault ? (aDefault ? -1 : 1) : a.getFileName().compareTo(b.getFileName());
        });
        return files;
    }

    /** Each lesson's summary; a file that cannot be read is left out (the library is a menu, not a validator). */
    public List<LessonSummary> summaries() {
        List<LessonSummary> summaries = new ArrayList<>();
        for (Path file : files()) {
            try {
                summaries.add(LessonSummary.of(file, LessonFiles.read(file)));
            } catch (IOException | LessonFormatException e) {
                // Opening it from Open... reports why.
            }
        }
        return summaries;
    }
}
