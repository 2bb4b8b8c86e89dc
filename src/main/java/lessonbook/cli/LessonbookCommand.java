package lessonbook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code lessonbook run|bench|export}. Opening the desktop app is {@link lessonbook.Main}'s. */
@Command(name = "lessonbook", mixinStandardHelpOptions = true, version = "Lessonbook 0.1",
        description = "A notebook for teaching Java. Without a command, `lessonbook [FILE]` opens FILE "
                + "in the desktop app; without FILE it opens on the library of bundled lessons.")
public final class LessonbookCommand implements Runnable {
    /**
     * The benchmark lives in its own source folder (src/bench/java) and the product does not depend on it:
     * it is found by name, so a build without it simply has no {@code bench} command.
     */
    static final String BENCH_COMMAND = "lessonbook.bench.BenchCommand";

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new LessonbookCommand());
        line.addSubcommand(new RunCommand());
        try {
            line.addSubcommand(new CommandLine(Class.forName(BENCH_COMMAND).getDeclaredConstructor().newInstance()));
        } catch (ReflectiveOperationException | LinkageError notShipped) {
            // This build has no benchmark.
        }
        line.addSubcommand(new ExportCommand());
        line.addSubcommand(new StudentCommand());
        line.addSubcommand(new GradeCommand());
        line.addSubcommand(new CommandLine.HelpCommand());
        return line;
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }
}
