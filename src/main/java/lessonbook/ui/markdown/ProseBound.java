package lessonbook.ui.markdown;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * How much of a prose cell the window draws: its first {@link #MAX_CHARS} characters (cut at a line's end) and, of
 * those, its first {@link #MAX_BLOCKS} blocks (paragraphs, headings, lists...; a table's row counts as one). Each block is a node tree of its
 * own, all made at once on the FX thread: a cell of 20,000 pasted paragraphs (1.8 MB) kept the window from ever
 * appearing (over a minute of CPU, 1.8 GB). A real lesson's prose cell has tens of blocks. The cell's text is
 * never cut: the note says so and how to see all of it. Pure logic, no JavaFX; any thread.
 */
final class ProseBound {
    static final int MAX_CHARS = 100_000;
    static final int MAX_BLOCKS = 400;

    /** The parsed part to draw, and the note that ends it (null when the cell is drawn whole). */
    record Drawn(Node document, String note) {
    }

    private ProseBound() {
    }

    /** Keeps the head's rows and body rows up to {@code most} in all; returns how many rows are kept. */
    private static int keepRows(TableBlock table, int most) {
        int kept = 0;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; ) {
                Node next = row.getNext();
                if (kept >= most && part instanceof TableBody) {
                    row.unlink();
                } else {
                    kept++;
                }
                row = next;
            }
        }
        return kept;
    }

    private static int rows(TableBlock table) {
        int rows = 0;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                rows++;
            }
        }
        return rows;
    }

    static Drawn parse(Parser parser, String markdown) {
        String source = markdown;
        boolean charsCut = markdown.length() > MAX_CHARS;
        if (charsCut) {
            int lineEnd = markdown.lastIndexOf('\n', MAX_CHARS);
            int end = lineEnd > 0 ? lineEnd : MAX_CHARS;
            source = markdown.substring(0, Character.isHighSurrogate(markdown.charAt(end - 1)) ? end - 1 : end);
        }
        Node document = parser.parse(source);
        int blocks = 0;
        boolean blocksCut = false;
        for (Node block = document.getFirstChild(); block != null; ) {
            Node next = block.getNext();
            if (blocks >= MAX_BLOCKS) {
                block.unlink();
                blocksCut = true;
            } else {
                blocks++;
                if (block instanceof TableBlock table) {
                    // each row is a node tree of its own: a row counts as a block
                    int all = rows(table);
                    int kept = keepRows(table, MAX_BLOCKS - blocks);
                    blocks += kept;
                    blocksCut |= kept < all;
                }
            }
            block = next;
        }
        if (blocksCut || charsCut) {
            String what = blocksCut ? String.format("its first %,d blocks (paragraphs, headings, table rows...)", MAX_BLOCKS)
                    : String.format("its first %,d characters", source.length());
            return new Drawn(document, String.format("… This cell is too long to draw whole (%,d characters): only %s"
                    + " are drawn here. All of its text is kept; edit the cell (double-click) to see it.",
                    markdown.length(), what));
        }
        return new Drawn(document, null);
    }
}
