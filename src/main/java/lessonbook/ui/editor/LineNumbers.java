package lessonbook.ui.editor;

import java.util.function.IntFunction;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;

import org.fxmisc.richtext.CodeArea;
import org.reactfx.collection.LiveList;
import org.reactfx.value.Val;

/**
 * The gutter of line numbers, padded to the width of the highest number so the text never shifts.
 * Plain CSS-styled nodes ({@code lineno} box, {@code lineno-text} number), so fonts follow the zoom.
 */
final class LineNumbers implements IntFunction<Node> {

    private final Val<Integer> lineCount;

    LineNumbers(CodeArea area) {
        this.lineCount = LiveList.sizeOf(area.getParagraphs());
    }

    @Override
    public Node apply(int index) {
        Text number = new Text();
        number.getStyleClass().add("lineno-text");
        Val<String> formatted = lineCount.map(count -> pad(index + 1, String.valueOf(count).length()));
        // Bound only while shown, so the gutter nodes of scrolled-away lines can be collected.
        number.textProperty().bind(formatted.conditionOnShowing(number));
        StackPane box = new StackPane(number);
        box.getStyleClass().add("lineno");
        StackPane.setAlignment(number, Pos.TOP_RIGHT);
        return box;
    }

    private static String pad(int line, int width) {
        String s = Integer.toString(line);
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
