package lessonbook.format;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import lessonbook.model.Cell;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

/**
 * What the lesson library shows of a lesson before it is opened: its title (the first heading), a one-line
 * summary (the first paragraph of prose, cut at the end of its first sentence or at {@link #MAX_SUMMARY}
 * characters) and its length (code cells, and minutes estimated from them and the prose).
 */
public record LessonSummary(Path file, String title, String summary, int codeCells, int minutes) {
    /** The longest summary, in characters; a longer first sentence is cut and ends in an ellipsis. */
    public static final int MAX_SUMMARY = 160;
    /** A class reads prose aloud and talks about it: slower than silent reading. */
    private static final int WORDS_PER_MINUTE = 120;
    /** Running a cell, reading its output, and talking about it. */
    private static final int MINUTES_PER_CODE_CELL = 2;
    private static final Pattern INLINE_MARKUP = Pattern.compile("[*_`]+");
    private static final Pattern LINK = Pattern.compile("!?\\[([^]]*)]\\([^)]*\\)");

    public static LessonSummary of(Path file, Notebook notebook) {
        String title = null;
        String summary = "";
        int words = 0;
        for (Cell cell : notebook.cells()) {
            if (cell instanceof CodeCell) {
                continue;
            }
            List<String> paragraphs = paragraphs(cell.source());
            for (String paragraph : paragraphs) {
                words += paragraph.split("\\s+").length;
                if (paragraph.startsWith("#")) {
                    if (title == null) {
                        title = paragraph.replaceFirst("^#+\\s*", "").trim();
                    }
                } else if (summary.isEmpty() && !paragraph.startsWith("<!--") && !paragraph.startsWith("|")) {
                    summary = firstSentence(plain(paragraph));
                }
            }
        }
        if (title == null || title.isBlank()) {
            title = baseName(file);
        }
        int codeCells = notebook.codeCells().size();
        int minutes = Math.max(1, codeCells * MINUTES_PER_CODE_CELL + (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
        return new LessonSummary(file, plain(title), summary, codeCells, minutes);
    }

    /** "11 code cells · about 40 min". */
    public String length() {
        return codeCells + (codeCells == 1 ? " code cell" : " code cells") + " \u00b7 about " + minutes + " min";
    }

    private static List<String> paragraphs(String source) {
        return List.of(source.strip().split("\\R\\s*\\R")).stream().map(String::strip).filter(p -> !p.isEmpty())
                .toList();
    }

    private static String plain(String markdown) {
        String text = LINK.matcher(markdown).replaceAll("$1");
        return INLINE_MARKUP.matcher(text).replaceAll("").replaceAll("\\s+", " ").trim();
    }

    private static String firstSentence(String text) {
        int end = text.length();
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && Character.isWhitespace(text.charAt(i + 1))) {
                end = i + 1;
                break;
            }
        }
        String sentence = text.substring(0, end);
        return sentence.length() <= MAX_SUMMARY ? sentence : sentence.substring(0, MAX_SUMMARY - 1).strip() + "\u2026";
    }

    private static String baseName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
