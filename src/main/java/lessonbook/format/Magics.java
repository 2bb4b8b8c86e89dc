package lessonbook.format;

import java.util.Optional;

import lessonbook.model.CellMagics;

/**
 * IJava's magics ({@code %maven}, {@code %%bash}, {@code %jars}...) are lines starting with {@code %}: line magics
 * anywhere in a cell, a cell magic at its top (see {@link CellMagics} for where exactly). {@code %maven}, {@code %jars}, {@code %classpath}, {@code %timeit}, {@code %%time} and {@code %%timeit} run in the kernel (see {@link CellMagics}); a cell
 * with any other magic cannot run here, and the runner shows this message as the cell's error and goes on.
 */
public final class Magics {
    private Magics() {
    }

    /** The message for a cell that uses a magic Lessonbook does not run; empty for Java and the magics it runs. */
    public static Optional<String> unsupported(String source) {
        return CellMagics.split(source).unsupported();
    }
}
