package lessonbook.testkit;

import java.util.ArrayList;
import java.util.List;

import lessonbook.process.ChildProcess;

/**
 * A child JVM for a test: the tests' own java and class path, so a test can run one of its classes as a real
 * process (a host that dies, a JVM that fills its heap, a save cut short) and watch it from outside. The child gets
 * none of the tests' {@code lessonbook.*} settings, each test naming what its child needs; the app itself, run as a
 * user runs it, is started by the bench's {@code BoundedChild.javaCommand}, which passes them on.
 */
public final class TestJvm {
    private TestJvm() {
    }

    /** {@code java <options> -cp <the tests' class path> <mainClass> <args>}, not started. */
    public static ProcessBuilder running(List<String> options, Class<?> mainClass, String... args) {
        return running(options, mainClass.getName(), args);
    }

    /** As {@link #running(List, Class, String...)}, for a main class named only (one in another module's tests). */
    public static ProcessBuilder running(List<String> options, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
