package lessonbook.jit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

import lessonbook.process.ProcessFolders;

/**
 * HotSpot compiler directives added to this JVM while it runs, through its DiagnosticCommand MBean (the public
 * route; a directives file on the command line would stop the JVM from starting when the file is missing). A
 * directive applies to compiles that start after it is added; methods compiled before keep their code.
 */
public final class CompilerDirectives {
    /** The directive's file; in a folder of this process, so that one left by a process killed meanwhile is swept. */
    private static final ProcessFolders FOLDERS =
            new ProcessFolders(Path.of(System.getProperty("java.io.tmpdir")), "lessonbook-jit");

    private CompilerDirectives() {
    }

    /**
     * A directive that keeps C2 from compiling the methods matching {@code patterns} (HotSpot's form, e.g.
     * {@code "com/sun/tools/javac/*.*"}): tiered compilation then compiles them at C1's optimising level 1.
     */
    public static String c2Excluded(List<String> patterns) {
        String matches = patterns.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        return "[{ match: [" + matches + "], c2: { Exclude: true } }]";
    }

    /**
     * Adds {@code directive} (JSON) to this JVM. True if it took; false where the JVM has no such command or no
     * {@code java.management}. Never throws. The first call costs ~100 ms of CPU (the platform MBean server):
     * call it off any thread a user waits on.
     */
    public static synchronized boolean add(String directive) {
        try {
            Path file = FOLDERS.mine().resolve("directive.json");
            Files.writeString(file, directive);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return String.valueOf(answer).contains("added");
        } catch (IOException | JMException | RuntimeException | LinkageError e) {
            // LinkageError: a runtime image without java.management; an uncaught error would print on the
            // background thread's System.err, which in the kernel is a cell's output
            return false;
        } finally {
            FOLDERS.deleteMine();
        }
    }
}
