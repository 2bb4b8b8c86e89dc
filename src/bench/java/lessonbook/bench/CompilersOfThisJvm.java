package lessonbook.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import lessonbook.process.CompiledLoops;

/**
 * The app image's launcher starts its JVM with C1 only ({@code -XX:TieredStopAtLevel=1}, for the window's start),
 * but the bench times work in its own JVM too (the tutorial's sequential run beside the workers, the pool's side of
 * a dispatch) and compares it with peers compiled by C2. So a bench started from the image runs itself again in a
 * JVM of the same runtime and class path with the default compilers, with the same suites and bench settings.
 * <p>
 * The same goes for a JVM started without the kernel's loop options ({@link CompiledLoops}, as {@code java -jar}
 * starts it): its C2 would unroll the sequential run's loop 16 or 64 times depending on which JDK loop it happened to
 * compile first, while the workers beside it always unroll 64 times, and leave out the safepoint polls they make.
 */
final class CompilersOfThisJvm {
    private CompilersOfThisJvm() {
    }

    /** Whether this JVM compiles unlike the kernel and the workers the bench compares it with. */
    static boolean unlikeTheKernel() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) < 4
                    // left at its default, the unroll limit reads 16 now and may read 64 later: C2 raises it
                    || vm.getVMOption("LoopMaxUnroll").getOrigin() == VMOption.Origin.DEFAULT) {
                return true;
            }
            for (String option : CompiledLoops.OPTIONS) {
                String setting = option.substring("-XX:".length());
                boolean flag = setting.startsWith("+") || setting.startsWith("-");
                String name = flag ? setting.substring(1) : setting.substring(0, setting.indexOf('='));
                String value = flag ? String.valueOf(setting.startsWith("+")) : setting.substring(name.length() + 1);
                if (!vm.getVMOption(name).getValue().equals(value)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false;   // not HotSpot, or no such flag: nothing to correct
        }
    }

    static int rerunCompilingAsTheKernel(List<String> only) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CompiledLoops.OPTIONS);
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("lessonbook."))
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "lessonbook.Main", "bench"));
        if (only != null) {
            command.add("--only=" + String.join(",", only));
        }
        System.err.println("bench: this JVM does not compile as the kernel does (C1 only, from the app image's "
                + "launcher, or C2 without the kernel's loop options); running the bench again in one that does");
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
