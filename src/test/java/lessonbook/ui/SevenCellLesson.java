package lessonbook.ui;

import java.nio.file.Path;
import java.util.List;

import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;

/**
 * The lesson the window tests share: prose, then one code cell of each shape a window has to show (a println,
 * a compile error, a runaway loop, worker lines, a flood of a million lines, an exception). The real kernel
 * and {@link ScriptedKernel} both run every cell.
 */
final class SevenCellLesson {
    static final Path FILE = Path.of("test-lesson.md");

    private SevenCellLesson() {
    }

    static Notebook notebook() {
        return new Notebook(List.of(
                new MarkdownCell("intro", "# Processes\n\nA *lesson* with `code`."),
                new CodeCell("hello", "System.out.println(42);"),
                new CodeCell("broken", "int x = undefinedName;"),
                new CodeCell("runaway", "while (true) { }"),
                new CodeCell("workers", "worker(\"alpha\", 101, \"hi from alpha\");\n"
                        + "worker(\"beta\", 202, \"hi from beta\");\nworker(\"alpha\", 101, \"bye\");"),
                new CodeCell("flood", "for (int i = 0; i < 1_000_000; i++) System.out.println(i);"),
                new CodeCell("boom", "throw new IllegalStateException(\"boom\");")));
    }
}
