package lessonbook.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * The app image's launcher starts its JVM with C1 only ({@code -XX:TieredStopAtLevel=1}, for the window's start),
 * but the bench times work in its own JVM too (the tutorial's sequential run beside the workers, the pool's side of
 * a dispatch) and compares it with peers compiled by C2. So a bench started from the image runs itself again in a
 * JVM of the same runtime and class path with the default compilers, with the same suites and bench settings.
 */
final class CompilersOfThisJvm {
    private CompilersOfThisJvm() {
    }

    static boolean c1Only() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) < 4;
        } catch (RuntimeException e) {
            return false;   // not HotSpot, or no such flag: nothing to correct
        }
    }

    static int rerunWithDefaultCompilers(List<String> only) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("lessonbook."))
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "lessonbook.Main", "bench"));
        if (only != null) {
            command.add("--only=" + String.join(",", only));
        }
        System.err.println("bench: this JVM compiles with C1 only (the app image's launcher); running the bench again "
                + "with the default compilers");
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println("bench: could not start a JVM for the bench: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
