/**
 * The Java code editor of a notebook cell, on RichTextFX.
 *
 * <h2>What the shell calls</h2>
 * <pre>{@code
 * JavaCodeEditor editor = new JavaCodeEditor(cell.source());   // auto-grows with its text by default
 * editor.setCompletionSource(assist::complete);                // Ctrl+Space, answers Completions
 * editor.setDocumentationSource(assist::documentation);        // Ctrl+Shift+Space, Shift+Tab: SymbolDocs
 * editor.textProperty().addListener((o, was, now) -> ...);     // every edit
 * editor.setText(source);                                      // replaces the text, forgets undo history
 * editor.showDiagnostics(run.diagnostics(), codeThatRan);      // underline + hover; dropped if text moved on
 * editor.clearDiagnostics();                                   // (the next edit clears them anyway)
 * editor.requestEditorFocus(); editor.getCaretPosition(); editor.moveCaretTo(i);
 * editor.isCaretOnFirstLine(); editor.isCaretOnLastLine();     // Jupyter-style arrow navigation
 * editor.showFind(); editor.showReplace();                     // also Ctrl+F / Ctrl+H inside
 * editor.editableProperty(); editor.autoGrowProperty(); editor.fontSizeProperty();
 * EditorTheme.DARK.applyTo(scene);  // or scene.getStylesheets().addAll(EditorTheme.DARK.stylesheets())
 * }</pre>
 * Keys left to the shell (never consumed, no newline inserted): Shift+Enter, Ctrl+Enter, Alt+Enter, and
 * Escape unless it closes the editor's own popup or find bar. Zoom: set {@code -fx-font-size} on the scene
 * root; everything here sizes in em. {@code lessonbook.bench.demo.EditorDemo} (src/bench/java) shows it all in
 * a window.
 */
package lessonbook.ui.editor;
