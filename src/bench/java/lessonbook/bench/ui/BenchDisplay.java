package lessonbook.bench.ui;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the desktop figures are drawn: the X display this JVM has (a desktop or Xvfb), or headless Monocle when
 * it is on the class path (tests) and there is no X display. The bench does not start Xvfb itself: it says how.
 */
public final class BenchDisplay {
    private BenchDisplay() {
    }

    /** Why the desktop figures cannot be measured here, and how to make them measurable; empty when they can. */
    public static Optional<String> missing(String suite) {
        if (System.getenv("DISPLAY") != null || System.getProperty("glass.platform") != null || monocleAvailable()) {
            return Optional.empty();
        }
        return Optional.of("no display (DISPLAY is not set); run it under a virtual one, e.g. `Xvfb :9 & DISPLAY=:9 "
                + "java -jar target/lessonbook.jar bench --only " + suite + "`"
                + (onPath("Xvfb") ? "" : " (Xvfb is not installed: apt-get install xvfb)"));
    }

    /** What a child JVM needs to use the same display as this one: Monocle's properties when headless. */
    public static List<String> childProperties() {
        List<String> props = new ArrayList<>();
        for (String key : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text",
                "java.awt.headless", "testfx.headless")) {
            String value = System.getProperty(key);
            if (value != null) {
                props.add("-D" + key + "=" + value);
            }
        }
        if (props.isEmpty() && System.getenv("DISPLAY") == null && monocleAvailable()) {
            props.addAll(Arrays.asList("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                    "-Dprism.order=sw"));
        }
        return props;
    }

    static boolean monocleAvailable() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** True when {@code program} is an executable in a folder of the PATH. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> new File(dir, program).canExecute());
    }
}
