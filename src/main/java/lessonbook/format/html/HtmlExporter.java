package lessonbook.format.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import lessonbook.format.AtomicFileWriter;
import lessonbook.format.MarkdownDepth;
import lessonbook.format.ipynb.RichOutputs;
import lessonbook.model.Cell;
import lessonbook.model.CellRole;
import lessonbook.model.CodeCell;
import lessonbook.format.text.OutputBlocks;
import lessonbook.model.Notebook;
import lessonbook.model.Output;

/**
 * A notebook as one self-contained HTML page, readable without Lessonbook: prose rendered from Markdown, code
 * highlighted, outputs as the app shows them (errors in red, worker lines tagged and coloured per worker), images
 * a notebook read from .ipynb holds. Nothing from the notebook reaches the page unescaped: Markdown's raw HTML is
 * escaped, link targets are sanitised, and a Content-Security-Policy forbids scripts in any case.
 */
public final class HtmlExporter {
    private static final int WORKER_COLOURS = 8;

    private final Parser markdown = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer;
    private final Map<String, Integer> workerColours = new LinkedHashMap<>();

    /** A page whose relative image paths are not resolved (no lesson folder is known). */
    public HtmlExporter() {
        this(null);
    }

    /** A page with the lesson's own images (relative to {@code lessonFolder}) inlined; see {@link LocalImages}. */
    public HtmlExporter(Path lessonFolder) {
        LocalImages images = new LocalImages(lessonFolder);
        renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
                .escapeHtml(true).sanitizeUrls(true).attributeProviderFactory(context -> images).build();
    }

    public static void export(Notebook notebook, String title, Path out) throws IOException {
        export(notebook, title, null, out);
    }

    /** {@code lessonFolder}: where the lesson lives, for its relative image paths; null when unknown. */
    public static void export(Notebook notebook, String title, Path lessonFolder, Path out) throws IOException {
        AtomicFileWriter.write(out, new HtmlExporter(lessonFolder).render(notebook, title)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The page; {@code fallbackTitle} (e.g. the file name) is used when the notebook names no title. */
    public String render(Notebook notebook, String fallbackTitle) {
        String title = notebook.metadata().get("title") instanceof String t && !t.isBlank() ? t : fallbackTitle;
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n")
                .append(PageStyle.CSS).append("</style>\n</head>\n<body>\n<main>\n");
        Optional<String> readOnly = notebook.readOnlyReason();
        readOnly.ifPresent(reason -> html.append("<p class=\"banner\">").append(Html.escape(reason)).append("</p>\n"));
        for (Cell cell : notebook.cells()) {
            if (cell instanceof CodeCell code) {
                codeCell(html, notebook, code);
            } else {
                html.append("<section class=\"prose\">\n")
                        .append(renderer.render(MarkdownDepth.bound(markdown.parse(cell.source())))).append("</section>\n");
            }
        }
        html.append("</main>\n<footer>Exported from Lessonbook</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private void codeCell(StringBuilder html, Notebook notebook, CodeCell cell) {
        html.append("<section class=\"code-cell\">\n<div class=\"prompt\">[")
                .append(cell.executionCount() == null ? " " : cell.executionCount()).append("]")
                .append(Html.escape(roleLabel(cell.role()))).append("</div>\n");
        if (cell.sourceHidden()) {
            html.append("<details class=\"hidden-code\"><summary>Code (hidden in the lesson: click to show)"
                    + "</summary>\n");
        }
        html.append("<pre class=\"code\"><code>").append(JavaHighlighter.highlight(cell.source()))
                .append("</code></pre>\n");
        if (cell.sourceHidden()) {
            html.append("</details>\n");
        }
        boolean hidden = cell.outputHidden() && !cell.outputs().isEmpty();
        if (hidden) {
            // the reader opens it when ready, as the class did ("guess the output first")
            html.append("<details class=\"hidden-output\"><summary>Output (hidden in the lesson: click to show)"
                    + "</summary>\n");
        }
        Optional<List<RichOutputs.Part>> rich = RichOutputs.of(notebook, cell);
        if (rich.isPresent()) {
            for (RichOutputs.Part part : rich.get()) {
                if (part instanceof RichOutputs.Image image) {
                    html.append("<img class=\"output-image\" alt=\"output image\" src=\"data:")
                            .append(Html.escape(image.mimeType())).append(";base64,")
                            .append(Html.escape(image.base64())).append("\">\n");
                } else if (part instanceof RichOutputs.Text text) {
                    outputs(html, text.outputs());
                }
            }
        } else {
            outputs(html, cell.outputs());
        }
        if (hidden) {
            html.append("</details>\n");
        }
        html.append("</section>\n");
    }

    private void outputs(StringBuilder html, List<Output> outputs) {
        List<Output> text = new java.util.ArrayList<>();
        for (Output output : outputs) {
            if (output instanceof Output.Table table) {
                textOutputs(html, text);
                table(html, table);
            } else if (output instanceof Output.Check check) {
                textOutputs(html, text);
                html.append("<pre class=\"output check ").append(check.passed() ? "passed" : "failed").append("\">")
                        .append(Html.escape(check.text())).append("</pre>\n");
            } else if (output instanceof Output.Chart chart) {
                textOutputs(html, text);
                html.append("<figure class=\"output-chart\">\n").append(ChartSvg.render(chart)).append("</figure>\n");
            } else {
                text.add(output);
            }
        }
        textOutputs(html, text);
        if (outputs.stream().anyMatch(Output.WorkerEvent.class::isInstance)) {
            html.append("<pre class=\"output workers\">").append(Html.escape(OutputBlocks.workersBody(outputs)))
                    .append("</pre>\n");
        }
    }

    private static String roleLabel(CellRole role) {
        return switch (role.kind()) {
            case EXERCISE -> " exercise " + role.exerciseId();
            case CHECK -> " checks of " + role.exerciseId() + " (" + role.points()
                    + (role.points() == 1 ? " point)" : " points)");
            case PLAIN -> "";
        };
    }

    private static void table(StringBuilder html, Output.Table table) {
        html.append("<table class=\"output-table\">\n");
        if (!table.title().isEmpty()) {
            html.append("<caption>").append(Html.escape(table.title())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        table.columns().forEach(c -> html.append("<th>").append(Html.escape(c)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            row.forEach(c -> html.append("<td>").append(Html.escape(c)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** Ordinary outputs gathered so far, as one preformatted block; clears the list. */
    private void textOutputs(StringBuilder html, List<Output> outputs) {
        boolean any = outputs.stream().anyMatch(o -> !o.text().isEmpty());
        if (!any) {
            outputs.clear();
            return;
        }
        html.append("<pre class=\"output\">");
        for (Output output : outputs) {
            if (output instanceof Output.WorkerLine line) {
                int colour = workerColours.computeIfAbsent(line.worker(), w -> workerColours.size() % WORKER_COLOURS);
                html.append("<span class=\"worker w").append(colour).append("\">")
                        .append(Html.escape("[" + line.worker() + " " + line.pid() + "]")).append("</span> ");
                html.append("<span class=\"").append(line.stream().jupyterName()).append("\">")
                        .append(Html.escape(line.text().substring(line.text().indexOf("] ") + 2)))
                        .append("</span>");
            } else if (!output.text().isEmpty()) {
                html.append("<span class=\"").append(styleOf(output)).append("\">")
                        .append(Html.escape(output.text())).append("</span>");
            }
        }
        html.append("</pre>\n");
        outputs.clear();
    }

    private static String styleOf(Output output) {
        if (output instanceof Output.Stream stream) {
            return stream.stream().jupyterName();
        }
        if (output instanceof Output.Value) {
            return "value";
        }
        if (output instanceof Output.Error || output instanceof Output.CompileError) {
            return "error";
        }
        return "info";
    }
}
