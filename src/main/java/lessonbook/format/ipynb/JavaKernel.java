package lessonbook.format.ipynb;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Which language a notebook is written in, and the kernelspec IJava writes for Java. */
final class JavaKernel {
    private JavaKernel() {
    }

    /**
     * The notebook's language from {@code language_info.name}, else {@code kernelspec.language}, else a kernelspec
     * name that says Java (ijava, jjava, java, ganymede...); empty when the notebook does not say.
     */
    static Optional<String> language(JsonNode metadata) {
        String info = metadata.path("language_info").path("name").asText("");
        if (!info.isBlank()) {
            return Optional.of(info);
        }
        String kernelLanguage = metadata.path("kernelspec").path("language").asText("");
        if (!kernelLanguage.isBlank()) {
            return Optional.of(kernelLanguage);
        }
        String kernelName = metadata.path("kernelspec").path("name").asText("").toLowerCase(Locale.ROOT);
        if (kernelName.contains("java") || kernelName.contains("ganymede")) {
            return Optional.of("java");
        }
        return kernelName.isBlank() ? Optional.empty() : Optional.of(kernelName);
    }

    static boolean isJava(String language) {
        String lower = language.toLowerCase(Locale.ROOT);
        return lower.equals("java") || lower.equals("jshell");
    }

    /** The read-only reason for a notebook in another language, for the banner. */
    static String readOnlyReason(String language, JsonNode metadata) {
        String kernel = metadata.path("kernelspec").path("display_name").asText("");
        return "This notebook is written in " + language + (kernel.isBlank() ? "" : " (kernel \"" + kernel + "\")")
                + ", not Java: Lessonbook shows it read-only and cannot run it.";
    }

    /** Adds IJava's kernelspec and language_info where the metadata has none (a lesson saved as .ipynb). */
    static void addWhereMissing(ObjectNode metadata) {
        if (!metadata.has("kernelspec")) {
            metadata.set("kernelspec", JupyterJson.toTree(Map.of("name", "java", "display_name", "Java",
                    "language", "java")));
        }
        if (!metadata.has("language_info")) {
            metadata.set("language_info", JupyterJson.toTree(Map.of("name", "Java", "codemirror_mode", "java",
                    "file_extension", ".jshell", "mimetype", "text/x-java-source", "pygments_lexer", "java",
                    "version", Runtime.version().toString())));
        }
    }
}
