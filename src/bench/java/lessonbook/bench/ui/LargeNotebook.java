package lessonbook.bench.ui;

/** A generated Jupyter notebook far longer than any lesson, for the window's large-notebook figure. */
final class LargeNotebook {
    private LargeNotebook() {
    }

    /** {@code sections} times a heading with a line of prose, then a one-line Java cell with its saved output. */
    static String json(int sections) {
        StringBuilder json = new StringBuilder("{\"cells\": [\n");
        for (int i = 0; i < sections; i++) {
            json.append(i == 0 ? "" : ",\n")
                    .append("{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"## Exercise ").append(i)
                    .append("\\n\\nSome *prose* about it.\"},\n")
                    .append("{\"cell_type\": \"code\", \"metadata\": {}, \"execution_count\": ").append(i + 1)
                    .append(", \"source\": \"int v").append(i).append(" = ").append(i).append(";\\nv").append(i)
                    .append("\", \"outputs\": [{\"output_type\": \"execute_result\", \"metadata\": {}, \"execution_count\": ")
                    .append(i + 1).append(", \"data\": {\"text/plain\": \"").append(i).append("\"}}]}");
        }
        return json.append("\n], \"metadata\": {\"kernelspec\": {\"name\": \"java\", \"display_name\": \"Java\","
                + " \"language\": \"java\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}\n").toString();
    }
}
