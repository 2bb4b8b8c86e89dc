package lessonbook.process;

import java.util.List;

/**
 * JVM options a user gives the app for a child JVM it starts ({@code -Dlessonbook.kernel.jvmOptions="-Xmx2g"}):
 * one parse for the kernel's and the workers' settings. Options, not secrets: a command line is public.
 */
public final class ExtraJvmOptions {
    private ExtraJvmOptions() {
    }

    /** The options in system property {@code property}, split at whitespace; none when it is unset or blank. */
    public static List<String> fromProperty(String property) {
        String extra = System.getProperty(property, "").strip();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }
}
