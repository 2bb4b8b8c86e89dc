package lessonbook.model;

import java.io.Serializable;
import java.util.Map;

/** One cell of a notebook: prose or Java code. Immutable; edits produce a new cell with the same id. */
public sealed interface Cell extends Serializable permits MarkdownCell, CodeCell {
    /** Stable identity across edits and saves (the ipynb cell id when there is one). */
    String id();

    String source();

    /** Metadata the app does not interpret (nbgrader, slideshow, tags...), kept so a save gives it back. */
    Map<String, Object> metadata();

    Cell withSource(String newSource);

    /** The same cell under another id, as a pasted copy is: source, outputs and metadata kept. */
    Cell withId(String newId);

    /** A cell of the other kind with the same id and source, as Jupyter's M/Y keys do. Outputs are dropped. */
    Cell convert();
}
