package lessonbook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code lessonbook run|bench|export}. Opening the desktop app is {@link lessonbook.Main}'s. */
@Command(name = "lessonbook", mixinStandardHelpOptions = true, version = "Lessonbook 0.1",
        description = "A notebook for teaching Java. Without a command, `lessonbook [FILE]` opens FILE "
                + "(default lessons/multiprocessing.md) in the desktop app.",
        subcommands = {RunCommand.class, BenchCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class LessonbookCommand implements Runnable {

    public static int execute(String... args) {
        return new CommandLine(new LessonbookCommand()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
