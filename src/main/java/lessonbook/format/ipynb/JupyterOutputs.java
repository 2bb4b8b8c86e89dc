package lessonbook.format.ipynb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lessonbook.format.md.OutputTextParser;
import lessonbook.format.text.CheckBlock;
import lessonbook.format.text.OutputBlocks;
import lessonbook.model.Output;
import lessonbook.model.PrintableText;
import lessonbook.model.StreamName;

/** Jupyter's output types to our outputs and back. */
final class JupyterOutputs {
    /** CSI sequences (colours, cursor moves) and two-character escapes, as IJava's tracebacks hold them. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");
    static final String COMPILATION_EXCEPTION = "CompilationException";
    /** Our tables and charts in a notebook: the lesson-file block (info string and body) as JSON. */
    static final String DISPLAY_MIME = "application/vnd.lessonbook.display+json";
    /** A cell's worker timeline in a notebook, as the body of a lesson-file workers block. */
    static final String WORKERS_MIME = "application/vnd.lessonbook.workers+json";

    private JupyterOutputs() {
    }

    /**
     * Output text from a notebook made elsewhere, as a cell's own printing is kept: terminal colour codes (common
     * in Jupyter tracebacks) left out, and any other control character shown as its escape ({@link PrintableText}),
     * so that every format can save it and read it back.
     */
    static String shownText(String text) {
        return PrintableText.of(text.indexOf('\u001B') < 0 ? text : ANSI.matcher(text).replaceAll(""));
    }

    /** @param source the cell's code, to place compile errors in it */
    static List<Output> read(JsonNode outputs, Integer executionCount, String source) {
        List<Output> result = new ArrayList<>();
        if (outputs == null || !outputs.isArray()) {
            return result;
        }
        for (JsonNode output : outputs) {
            String type = output.path("output_type").asText("");
            switch (type) {
                case "stream" -> {
                    StreamName name = "stderr".equals(output.path("name").asText()) ? StreamName.STDERR
                            : StreamName.STDOUT;
                    result.addAll(OutputTextParser.parseStream(shownText(JupyterJson.multiline(output.get("text"))),
                            name));
                }
                case "execute_result" -> result.add(value(output, executionCount));
                case "display_data", "update_display_data" -> result.addAll(display(output));
                case "error" -> result.add(error(output, source));
                default -> result.add(new Output.Notice("[an output of type '" + type + "' is not shown]"));
            }
        }
        return result;
    }

    private static Output value(JsonNode output, Integer executionCount) {
        JsonNode data = output.path("data");
        if (!data.has("text/plain")) {
            List<Output> shown = display(output);
            return shown.size() == 1 ? shown.get(0) : new Output.Notice("[a result without text]");
        }
        JsonNode ours = output.path("metadata").path("lessonbook");
        Integer count = output.path("execution_count").isInt() ? Integer.valueOf(output.path("execution_count").asInt())
                : executionCount;
        String name = ours.path("name").isTextual() ? ours.path("name").asText()
                : "Out[" + (count == null ? " " : count) + "]";
        String type = ours.path("type").isTextual() ? ours.path("type").asText() : "";
        String text = shownText(JupyterJson.multiline(data.get("text/plain")));
        return new Output.Value(name, type, ours.path("value").isTextual() ? ours.path("value").asText() : text, text);
    }

    private static List<Output> display(JsonNode output) {
        JsonNode data = output.path("data");
        try {
            if (data.path(DISPLAY_MIME).isObject()) {
                JsonNode block = data.get(DISPLAY_MIME);
                if (block.path("info").asText("").equals(CheckBlock.INFO)) {
                    return List.copyOf(CheckBlock.parse(block.path("body").asText("")));
                }
                Optional<Output> ours = OutputBlocks.parse(block.path("info").asText(""), block.path("body").asText(""));
                if (ours.isPresent()) {
                    return List.of(ours.get());
                }
            }
            if (data.path(WORKERS_MIME).isObject()) {
                return List.copyOf(OutputBlocks.parseWorkers(data.get(WORKERS_MIME).path("body").asText("")));
            }
        } catch (IllegalArgumentException malformed) {
            // edited by hand or by another tool: the text/plain form below still shows what it was
        }
        if (data.has("text/plain")) {
            String text = shownText(JupyterJson.multiline(data.get("text/plain")));
            return List.of(new Output.Stream(StreamName.STDOUT, text.endsWith("\n") ? text : text + "\n"));
        }
        List<String> types = new ArrayList<>();
        data.fieldNames().forEachRemaining(types::add);
        return List.of(new Output.Notice("[" + (types.isEmpty() ? "an empty display" : String.join(", ", types))
                + " output: shown in the exported page, not here]"));
    }

    private static Output error(JsonNode output, String source) {
        String type = output.path("ename").asText("Error");
        String message = shownText(output.path("evalue").asText(""));
        List<String> frames = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (Iterator<JsonNode> it = output.path("traceback").elements(); it.hasNext(); ) {
            for (String line : shownText(it.next().asText("")).split("\n")) {
                String bare = line.startsWith("|") ? line.substring(1).strip() : line.strip();
                if (bare.startsWith("at ")) {
                    frames.add(bare.substring(3));
                } else if (!frames.isEmpty() && Output.Error.showsWithoutAt(bare)) {
                    frames.add(bare);   // among the frames, as Output.Error prints them
                } else if (!bare.isEmpty() && !bare.matches("-{5,}")) {
                    other.add(line);
                }
            }
        }
        if (COMPILATION_EXCEPTION.equals(type)) {
            String traceback = String.join("\n", other) + "\n";
            List<Output> ours = OutputTextParser.parse(traceback, source);
            if (ours.size() == 1 && ours.get(0) instanceof Output.CompileError compileError) {
                return compileError;
            }
            return new Output.Error(type, String.join("\n", other), List.of());
        }
        return new Output.Error(type, message.isEmpty() ? null : message, frames);
    }

    /**
     * Our outputs as Jupyter outputs, the ones IJava or JJava saves for the same cell; neighbouring text of one
     * stream becomes one stream output, as Jupyter does. jshell's feedback ({@link #isFeedback}) is left out.
     */
    static ArrayNode write(List<Output> outputs, Integer executionCount) {
        ArrayNode result = JupyterJson.MAPPER.createArrayNode();
        StringBuilder streamText = new StringBuilder();
        String streamName = null;
        for (Output output : outputs) {
            if (isFeedback(output)) {
                continue;
            }
            String name = streamOf(output);
            if (name != null && !name.equals(streamName)) {
                flush(result, streamName, streamText);
                streamName = name;
            }
            if (name != null) {
                streamText.append(output.text());
                continue;
            }
            if (output instanceof Output.WorkerEvent || output instanceof Output.Check) {
                continue; // written once, as the cell's checks and its timeline, after the other outputs
            }
            flush(result, streamName, streamText);
            streamName = null;
            result.add(nonStream(output, executionCount));
        }
        flush(result, streamName, streamText);
        if (CheckBlock.hasChecks(outputs)) {
            StringBuilder plain = new StringBuilder();
            outputs.stream().filter(Output.Check.class::isInstance).forEach(c -> plain.append(c.text()));
            ObjectNode node = result.addObject();
            node.put("output_type", "display_data");
            ObjectNode data = node.putObject("data");
            data.set("text/plain", JupyterJson.lines(plain.toString()));
            ObjectNode block = data.putObject(DISPLAY_MIME);
            block.put("info", CheckBlock.INFO);
            block.put("body", CheckBlock.body(outputs));
            node.putObject("metadata");
        }
        if (outputs.stream().anyMatch(Output.WorkerEvent.class::isInstance)) {
            String body = OutputBlocks.workersBody(outputs);
            ObjectNode node = result.addObject();
            node.put("output_type", "display_data");
            ObjectNode data = node.putObject("data");
            data.set("text/plain", JupyterJson.lines(body));
            data.putObject(WORKERS_MIME).put("body", body);
            node.putObject("metadata");
        }
        return result;
    }

    /**
     * What Lessonbook shows about a snippet that a Jupyter Java kernel does not save: jshell's feedback ("created
     * method f()", a declared variable's value), javac's warnings on a snippet that ran, and a null result. Not
     * kept in the cell's metadata either: Jupyter keeps a cell's metadata when it re-runs the cell, so a copy
     * there would soon describe another run than the outputs beside it; the lesson file keeps it, and a run
     * makes it again.
     */
    static boolean isFeedback(Output output) {
        return output instanceof Output.Info
                || output instanceof Output.CompileError compileError && !compileError.failed()
                || output instanceof Output.Value value && value.notebookText() == null;
    }

    private static String streamOf(Output output) {
        if (output instanceof Output.Stream s) {
            return s.stream().jupyterName();
        }
        if (output instanceof Output.WorkerLine w) {
            return w.stream().jupyterName();
        }
        if (output instanceof Output.Notice) {
            return "stderr";
        }
        boolean ownType = output instanceof Output.Value || output instanceof Output.Error
                || output instanceof Output.CompileError || output instanceof Output.WorkerEvent
                || output instanceof Output.Check || OutputBlocks.hasOwnBlock(output);
        return ownType ? null : "stdout"; // an output kind added later still shows as its text
    }

    private static ObjectNode nonStream(Output output, Integer executionCount) {
        ObjectNode node = JupyterJson.MAPPER.createObjectNode();
        if (output instanceof Output.Value value) {
            node.put("output_type", "execute_result");
            node.putObject("data").put("text/plain", value.notebookText());
            ObjectNode ours = node.putObject("metadata").putObject("lessonbook");
            ours.put("name", value.name());
            ours.put("type", value.typeName());
            if (!value.value().equals(value.notebookText())) {
                ours.put("value", value.value()); // jshell's form, "abc" quoted, for the app to show
            }
            if (executionCount == null) {
                node.putNull("execution_count");
            } else {
                node.put("execution_count", executionCount);
            }
        } else if (output instanceof Output.Error error) {
            node.put("output_type", "error");
            node.put("ename", error.exceptionType());
            node.put("evalue", error.message() == null ? "" : error.message());
            ArrayNode traceback = node.putArray("traceback");
            error.text().lines().forEach(traceback::add);
        } else if (output instanceof Output.CompileError compileError) {
            node.put("output_type", "error");
            node.put("ename", COMPILATION_EXCEPTION);
            node.put("evalue", compileError.diagnostics().isEmpty() ? "" : compileError.diagnostics().get(0).message());
            ArrayNode traceback = node.putArray("traceback");
            compileError.text().lines().forEach(traceback::add);
        } else {
            node.put("output_type", "display_data");
            ObjectNode data = node.putObject("data");
            data.set("text/plain", JupyterJson.lines(output.text()));
            ObjectNode block = data.putObject(DISPLAY_MIME);
            block.put("info", OutputBlocks.infoString(output));
            block.put("body", OutputBlocks.body(output));
            node.putObject("metadata");
        }
        return node;
    }

    private static void flush(ArrayNode result, String name, StringBuilder text) {
        if (name == null || text.length() == 0) {
            text.setLength(0);
            return;
        }
        ObjectNode node = result.addObject();
        node.put("output_type", "stream");
        node.put("name", name);
        node.set("text", JupyterJson.lines(text.toString()));
        text.setLength(0);
    }
}
