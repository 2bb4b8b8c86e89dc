package lessonbook.ui;

import java.nio.file.Path;

/** The formats File ▸ Export writes, with the names the menu and the file chooser show. */
public enum ExportFormat {
    HTML("html", "HTML Page", "HTML"),
    MARKDOWN("md", "Lesson Markdown", "Lesson Markdown"),
    IPYNB("ipynb", "Jupyter Notebook", "Jupyter Notebook");

    private final String extension;
    private final String description;
    private final String menuName;

    ExportFormat(String extension, String description, String menuName) {
        this.extension = extension;
        this.description = description;
        this.menuName = menuName;
    }

    /** Also the name {@link lessonbook.format.files.Exporter} knows the format by. */
    public String extension() {
        return extension;
    }

    public String description() {
        return description;
    }

    String menuLabel() {
        return "Export as " + menuName + "\u2026";
    }

    /** {@code file} with its extension replaced by (or, without one, followed by) this format's. */
    Path withExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(base + "." + extension);
    }
}
