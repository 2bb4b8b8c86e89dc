package lessonbook.ui.editor;

/** One documented symbol a {@link DocumentationSource} answers with: its signature and its raw javadoc comment body. */
public record SymbolDoc(String signature, String javadoc) {
}
