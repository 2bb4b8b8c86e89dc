package lessonbook.ui;

import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;

import lessonbook.model.CellRole;
import lessonbook.model.SolutionRegions;

/**
 * What a code cell shows above and in place of its code: the exercise or checks row (with the Check button), and
 * the text that stands in for code not shown, either a teacher's hidden solution or checks (the students' copy),
 * code folded away (JupyterLab's collapsed input, which a click unfolds), or code with a line too long to draw
 * quickly (a click draws it). The code itself is untouched and runs as it
 * is. Nodes are made only when first needed (most cells of a lesson are neither). On the FX thread.
 */
final class CodeStandIn {
    private final Pane body;
    private final Supplier<Node> code;
    private Label roleLabel;
    private Button checkButton;
    private HBox roleRow;
    private Label standIn;
    private Runnable onCheck = () -> { };
    /** By default the code is shown here only (a notebook that cannot change); the window asks the document. */
    private Runnable onUnfold = this::toggleFold;
    private CellRole role = CellRole.PLAIN;
    private boolean solutionHidden;
    private boolean folded;
    /**
     * The code as the cell first showed it has a line longer than {@link #MOST_CHARS_DRAWN_IN_A_LINE}, and no one
     * asked to see it yet: a line is laid out whole, and one of 2 million characters (a pasted string of data)
     * kept the window from answering. Decided at the first show only, so that a line typed long never folds.
     */
    private boolean overlong;
    private boolean firstShow = true;
    private Runnable drawCode;
    private String source = "";

    static final int MOST_CHARS_DRAWN_IN_A_LINE = 20_000;

    /** {@code code}: the node showing the code now (the preview, or the editor once made). */
    CodeStandIn(Pane body, Supplier<Node> code) {
        this.body = body;
        this.code = code;
    }

    void setOnCheck(Runnable action) {
        onCheck = action;
    }

    void setOnUnfold(Runnable action) {
        onUnfold = action;
    }

    /** The cell as it is now: its code, role and whether its code is folded away. */
    void show(String source, CellRole role, boolean folded) {
        this.source = source;
        this.role = role;
        this.folded = folded;
        if (firstShow) {
            firstShow = false;
            overlong = longestLine(source) > MOST_CHARS_DRAWN_IN_A_LINE;
        }
        refresh();
    }

    /** Runs {@code draw} now, or once the user asked to see code with a line too long to draw. */
    void whenCodeMayBeDrawn(Runnable draw) {
        if (overlong) {
            drawCode = draw;
        } else {
            draw.run();
        }
    }

    static int longestLine(String source) {
        int longest = 0;
        int start = 0;
        while (start <= source.length()) {
            int end = source.indexOf('\n', start);
            end = end < 0 ? source.length() : end;
            longest = Math.max(longest, end - start);
            start = end + 1;
        }
        return longest;
    }

    void setSolutionHidden(boolean hidden) {
        solutionHidden = hidden;
        refresh();
    }

    boolean isFolded() {
        return folded;
    }

    /** Asks for the code to be shown again (the document unfolds it, and {@link #show} follows). */
    void unfold() {
        onUnfold.run();
    }

    /** Folds or unfolds the code on the screen only, as O does a notebook's output that cannot change. */
    void toggleFold() {
        folded = !folded;
        refresh();
    }

    /** True unless a stand-in shows in place of the code. */
    boolean codeShown() {
        return standIn == null || !standIn.isVisible();
    }

    Button checkButton() {
        return checkButton;
    }

    String standInText() {
        return standIn == null ? "" : standIn.getText();
    }

    /** Shows what the state asks for; called again when the code's node changes (the editor replaced the preview). */
    void refresh() {
        boolean special = role.kind() != CellRole.Kind.PLAIN;
        boolean hideSolution = solutionHidden && special;
        boolean hide = hideSolution || folded || overlong;
        if (roleRow == null && !special && standIn == null && !hide) {
            return;
        }
        if (roleRow == null && special) {
            makeRoleRow();
        }
        if (standIn == null) {
            makeStandIn();
        }
        if (roleRow != null) {
            roleRow.setVisible(special);
            roleRow.setManaged(special);
            checkButton.setVisible(role.isExercise());
            checkButton.setManaged(role.isExercise());
            roleLabel.setText(role.isExercise() ? "Exercise " + role.exerciseId()
                    : role.isCheck() ? "Checks of " + role.exerciseId() + " \u00B7 " + role.points()
                            + (role.points() == 1 ? " point" : " points") : "");
        }
        standIn.setVisible(hide);
        standIn.setManaged(hide);
        Node shown = code.get();
        shown.setVisible(!hide);
        shown.setManaged(!hide);
        int lines = source.split("\n", -1).length;
        if (hideSolution) {
            standIn.setText(role.isExercise() ? studentCopy(source) : "(the checks are hidden: " + lines + " lines)");
        } else if (folded) {
            standIn.setText("Code hidden (" + lines + (lines == 1 ? " line" : " lines") + "): a click shows it");
        } else if (overlong) {
            standIn.setText(String.format("Code not drawn: a line of it has %,d characters, more than the window draws"
                    + " quickly (%,d). It runs as it is. A click draws it (the window may not answer for a while).",
                    longestLine(source), MOST_CHARS_DRAWN_IN_A_LINE));
        }
        standIn.setWrapText(overlong && !hideSolution && !folded);
    }

    private void makeRoleRow() {
        roleLabel = new Label();
        roleLabel.getStyleClass().add("exercise-label");
        checkButton = new Button("Check");
        checkButton.getStyleClass().add("check-button");
        checkButton.setFocusTraversable(false);
        checkButton.setOnAction(e -> onCheck.run());
        roleRow = new HBox(8, roleLabel, checkButton);
        roleRow.getStyleClass().add("exercise-row");
        roleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        body.getChildren().add(0, roleRow);
    }

    private void makeStandIn() {
        standIn = new Label();
        standIn.getStyleClass().addAll("code-preview-box", "code-preview", "hidden-solution");
        standIn.setMaxWidth(Double.MAX_VALUE);
        standIn.setOnMouseClicked(e -> {
            if (solutionHidden && role.kind() != CellRole.Kind.PLAIN) {
                return;
            }
            if (folded) {
                onUnfold.run();
            } else if (overlong) {
                overlong = false;
                refresh();
                if (drawCode != null) {
                    Runnable draw = drawCode;
                    drawCode = null;
                    draw.run();
                }
            }
        });
        body.getChildren().add(body.getChildren().indexOf(roleRow) + 1, standIn);
    }

    private static String studentCopy(String source) {
        try {
            return CodeCellView.numberedLines(SolutionRegions.withPlaceholders(source));
        } catch (IllegalArgumentException unpaired) {
            return "(the solution is hidden: " + unpaired.getMessage() + ")";
        }
    }
}
