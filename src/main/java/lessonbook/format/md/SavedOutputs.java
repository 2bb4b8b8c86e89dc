package lessonbook.format.md;

import java.util.List;

import lessonbook.format.text.CheckBlock;
import lessonbook.format.text.OutputBlocks;
import lessonbook.model.Output;

/**
 * How a code cell's outputs are kept in a lesson file: the plain text of all ordinary outputs in one
 * {@code output} block, then each table or chart in a block of its own ({@code table}, {@code chart}), then the
 * cell's checks in one {@code checks} block (see {@link CheckBlock}), then the
 * cell's worker timeline in one {@code workers} block (see {@link OutputBlocks}).
 */
final class SavedOutputs {
    private SavedOutputs() {
    }

    /** The text of the {@code output} block: every output that has no block of its own. */
    static String plainText(List<Output> outputs) {
        StringBuilder text = new StringBuilder();
        for (Output output : outputs) {
            if (!OutputBlocks.hasOwnBlock(output) && !(output instanceof Output.Check)) {
                text.append(output.text());
            }
        }
        return text.toString();
    }

    /** A code cell's saved form apart from its source: its role (the fence's info string) and its outputs. */
    static String cellSignature(lessonbook.model.CodeCell cell) {
        return cell.role() + (cell.sourceHidden() ? " input hidden" : "")
                + (cell.outputHidden() ? " output hidden" : "") + "\u0000" + signature(cell.outputs());
    }

    static boolean hasWorkerEvents(List<Output> outputs) {
        return outputs.stream().anyMatch(Output.WorkerEvent.class::isInstance);
    }

    /**
     * Everything the file would hold for these outputs, as one string: equal for two output lists exactly when
     * they would be written the same, so a cell re-run with the same results keeps its text byte for byte.
     */
    static String signature(List<Output> outputs) {
        StringBuilder signature = new StringBuilder(plainText(outputs));
        for (Output output : outputs) {
            if (OutputBlocks.hasOwnBlock(output)) {
                signature.append('\u0000').append(OutputBlocks.infoString(output)).append('\u0000')
                        .append(OutputBlocks.body(output));
            }
        }
        if (CheckBlock.hasChecks(outputs)) {
            signature.append('\u0000').append(CheckBlock.INFO).append('\u0000').append(CheckBlock.body(outputs));
        }
        if (hasWorkerEvents(outputs)) {
            signature.append('\u0000').append(OutputBlocks.WORKERS).append('\u0000')
                    .append(OutputBlocks.workersBody(outputs));
        }
        return signature.toString();
    }
}
