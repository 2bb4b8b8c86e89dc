package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.testkit.Await;
import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.Output;

/**
 * {@code %maven}, {@code %jars} and {@code %classpath} as a notebook meets them: the next cell uses the classes,
 * a worker started after the magic loads them in its own process, and a missing artifact, a repository that
 * cannot be reached or a pattern that matches nothing is a clear error in the cell. Artifacts come from a
 * {@code file:} repository the test builds (a jar that needs another, so what it depends on comes along), into
 * a local repository of the test's own; one test fetches a small real artifact from Maven Central.
 */
class ClasspathMagicsTest {
    @TempDir
    Path dir;

    @Test
    void mavenArtifactAndWhatItNeedsServeLaterCellsAndWorkersStartedAfter() throws Exception {
        Path remote = dir.resolve("remote");
        Path words = jar(dir.resolve("words"), "demo.words.Words",
                "package demo.words; public class Words { public static String hello() { return \"hello\"; } }", null);
        Path greeter = jar(dir.resolve("greeter"), "demo.greeter.Greeter",
                "package demo.greeter; public class Greeter { public static String greet(String who) {"
                        + " return demo.words.Words.hello() + \", \" + who; } }", words);
        publish(remote, "words", words, "");
        publish(remote, "greeter", greeter, "<dependencies><dependency><groupId>lessonbook.demo</groupId>"
                + "<artifactId>words</artifactId><version>1.0</version></dependency></dependencies>");

        try (KernelHarness h = new KernelHarness(launcher(remote.toUri().toString(), dir.resolve("local")))) {
            KernelHarness.Ran added = run(h, "%maven lessonbook.demo:greeter:1.0", null);
            assertThat(added.run().outcome()).as(added.outputs().toString()).isEqualTo(Outcome.OK);
            assertThat(added.only(Output.Info.class).message())
                    .isEqualTo("%maven: 2 entries on the class path: greeter-1.0.jar, words-1.0.jar");
            assertThat(dir.resolve("local/lessonbook/demo/words/1.0/words-1.0.jar")).exists();

            KernelHarness.Ran used = h.run("demo.greeter.Greeter.greet(\"class\")");
            assertThat(used.only(Output.Value.class).value()).isEqualTo("\"hello, class\"");

            String cell = KernelHarness.newCellId();
            KernelHarness.Ran inWorker = h.run(cell, "import lessonbook.workers.*;\n"
                    + "var w = new Worker(() -> System.out.println(ProcessHandle.current().pid() + \" \""
                    + " + demo.greeter.Greeter.greet(\"worker\")));\n"
                    + "w.start();\n"
                    + "w.join();\n"
                    + "w.exitCode()");
            assertThat(inWorker.only(Output.Value.class).value()).isEqualTo("0");
            Await.until("the worker's line", KernelHarness.CELL_TIMEOUT,
                    () -> h.outputsOf(cell).stream().anyMatch(Output.WorkerLine.class::isInstance));
            Output.WorkerLine line = h.outputsOf(cell).stream().filter(Output.WorkerLine.class::isInstance)
                    .map(Output.WorkerLine.class::cast).findFirst().orElseThrow();
            assertThat(line.line()).isEqualTo(line.pid() + " hello, worker");
            assertThat(line.pid()).isNotEqualTo(h.kernel.pid()).isPositive();

            KernelHarness.Ran missing = h.run("%maven lessonbook.demo:nosuch:2.0\nint never = 1;");
            assertThat(missing.run().outcome()).isEqualTo(Outcome.ERROR);
            assertThat(missing.only(Output.Notice.class).message())
                    .isEqualTo("%maven found no lessonbook.demo:nosuch:jar:2.0 in " + remote.toUri()
                            + ". Check the group, artifact and version.");
            assertThat(h.run("never").only(Output.CompileError.class)).isNotNull();

            // the Java under the magic lines keeps its line numbers
            KernelHarness.Ran compileError = h.run("%maven lessonbook.demo:greeter:1.0\n\nint broken = \"text\";");
            assertThat(compileError.only(Output.CompileError.class).diagnostics().get(0).line()).isEqualTo(3);
        }
    }

    @Test
    void jarsTakesGlobsBesideTheNotebookAndClasspathTakesFolders() throws Exception {
        Path notebookFolder = dir.resolve("lesson");
        Path lib = Files.createDirectories(notebookFolder.resolve("lib"));
        Path classes = dir.resolve("shapes-classes");
        Path shapes = jar(classes, "shapes.Square",
                "package shapes; public record Square(int side) { public int area() { return side * side; } }", null);
        Files.copy(shapes, lib.resolve("shapes.jar"));
        Files.writeString(lib.resolve("notes.txt"), "not a jar");
        Path folderClasses = dir.resolve("folder-classes");
        jar(folderClasses, "circles.Circle",
                "package circles; public class Circle { public static String name() { return \"circle\"; } }", null);

        try (KernelHarness h = new KernelHarness()) {
            KernelHarness.Ran added = run(h, "// the lesson's jars\n%jars lib/*.jar\nnew shapes.Square(7).area()",
                    notebookFolder);
            assertThat(added.all(Output.Info.class)).extracting(Output.Info::message)
                    .containsExactly("%jars: 1 entry on the class path: shapes.jar");
            assertThat(added.only(Output.Value.class).value()).isEqualTo("49");

            KernelHarness.Ran folder = run(h, "%classpath \"" + folderClasses.resolve("classes") + "\"\ncircles.Circle.name()",
                    notebookFolder);
            assertThat(folder.only(Output.Value.class).value()).isEqualTo("\"circle\"");

            KernelHarness.Ran nothing = run(h, "%jars missing/*.jar", notebookFolder);
            assertThat(nothing.run().outcome()).isEqualTo(Outcome.ERROR);
            assertThat(nothing.only(Output.Notice.class).message()).isEqualTo("%jars: nothing matches missing/*.jar"
                    + " (looked in " + notebookFolder + "); it takes .jar files.");

            KernelHarness.Ran bash = run(h, "%%bash\necho hi", notebookFolder);
            assertThat(bash.run().outcome()).isEqualTo(Outcome.ERROR);
            assertThat(bash.only(Output.Notice.class).message()).startsWith("The magic %%bash is not supported");
        }
    }

    /**
     * IJava and JJava take a {@code %} line anywhere in the cell for a magic and run it at its place (their
     * MagicsResolver turns it into a call there): the Java above runs first, the Java below sees the jar.
     */
    @Test
    void aMagicBelowJavaRunsAtItsPlaceAsInIjava() throws Exception {
        Path notebookFolder = dir.resolve("lesson");
        Path lib = Files.createDirectories(notebookFolder.resolve("lib"));
        Files.copy(jar(dir.resolve("dice-classes"), "dice.Die",
                "package dice; public class Die { public static int faces() { return 6; } }", null),
                lib.resolve("dice.jar"));

        try (KernelHarness h = new KernelHarness()) {
            KernelHarness.Ran ran = run(h, "System.out.println(\"above\");\n%jars lib/*.jar\n"
                    + "System.out.println(dice.Die.faces());\nint r = 7\n  % 4;\nr", notebookFolder);
            assertThat(ran.run().outcome()).as(ran.outputs().toString()).isEqualTo(Outcome.OK);
            assertThat(ran.outputs()).filteredOn(o -> !(o instanceof Output.Value)).extracting(Output::text)
                    .containsExactly("above\n", "|  %jars: 1 entry on the class path: dice.jar\n", "6\n");
            assertThat(ran.only(Output.Value.class).value()).as("'% 4' continues Java: no magic").isEqualTo("3");

            KernelHarness.Ran failing = run(h, "System.out.println(\"ran\");\n%jars none/*.jar\n"
                    + "System.out.println(\"never\");", notebookFolder);
            assertThat(failing.run().outcome()).isEqualTo(Outcome.ERROR);
            assertThat(failing.all(Output.Stream.class)).extracting(Output::text).containsExactly("ran\n");
            assertThat(failing.only(Output.Notice.class).message()).startsWith("%jars: nothing matches none/*.jar");
        }
    }

    @Test
    void anUnreachableRepositoryIsACellErrorWithinSeconds() throws Exception {
        // port 1 on this machine: nothing listens, so the connection is refused at once, as on a machine offline
        try (KernelHarness h = new KernelHarness(launcher("http://127.0.0.1:1/maven2/", dir.resolve("local")))) {
            KernelHarness.Ran offline = run(h, "%maven org.apache.commons:commons-lang3:3.14.0", null);

            assertThat(offline.run().outcome()).isEqualTo(Outcome.ERROR);
            assertThat(offline.only(Output.Notice.class).message())
                    .startsWith("%maven could not reach http://127.0.0.1:1/maven2/ to fetch org.apache.commons:commons-lang3:3.14.0")
                    .contains("Connection refused").contains("Is this machine offline?");
            assertThat(offline.stderr()).isEmpty();
            // the first try also loaded the resolver; again, the answer takes no network timeout nor retry pause
            KernelHarness.Ran again = h.run("%maven org.apache.commons:commons-lang3:3.14.0");
            assertThat(again.only(Output.Notice.class).message()).contains("Is this machine offline?");
            assertThat(again.run().wallTime()).isLessThan(java.time.Duration.ofSeconds(5));
        }
    }

    /** A repository that accepts connections and never answers: the time limit, then Interrupt, end the wait. */
    @Test
    void aSilentRepositoryIsCutByTheTimeLimitAndByInterrupt() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<String> options = new ArrayList<>(KernelLauncher.DEFAULT_JVM_OPTIONS);
            options.add("-Dlessonbook.maven.localRepository=" + dir.resolve("local"));
            options.add("-Dlessonbook.maven.repositories=http://127.0.0.1:" + silent.getLocalPort() + "/maven2/");
            try (KernelHarness h = new KernelHarness(KernelLauncher.standard().withJvmOptions(options))) {
                h.run("int kept = 5;");
                // first, while no earlier resolution holds a connection: Interrupt ends the wait for an answer
                long kernelPid = h.kernel.pid();
                String cell = KernelHarness.newCellId();
                java.util.concurrent.CompletableFuture<CellRun> running =
                        h.startRunning(cell, "%maven org.apache.commons:commons-text:1.12.0");
                Await.until("a connection to the silent repository", KernelHarness.CELL_TIMEOUT,
                        () -> held.size() >= 1);
                h.kernel.interrupt();
                CellRun interrupted = running.get(KernelHarness.CELL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(interrupted.outcome()).as(h.outputsOf(cell).toString()).isEqualTo(Outcome.INTERRUPTED);
                assertThat(h.outputsOf(cell)).contains(new Output.Notice("Interrupted."));
                assertThat(h.kernel.pid()).isEqualTo(kernelPid);

                // the limit is read at each %maven; 4 s now, the resolver being loaded
                h.run("System.setProperty(\"lessonbook.maven.timeoutSeconds\", \"4\");");
                KernelHarness.Ran cut = run(h, "%maven org.apache.commons:commons-lang3:3.14.0", null);
                assertThat(cut.run().outcome()).isEqualTo(Outcome.ERROR);
                assertThat(cut.only(Output.Notice.class).message()).isEqualTo("%maven gave up on "
                        + "org.apache.commons:commons-lang3:3.14.0 after 4 s (a slow or unreachable network?); "
                        + "-Dlessonbook.maven.timeoutSeconds sets this limit.");
                assertThat(cut.run().wallTime()).isLessThan(java.time.Duration.ofSeconds(10));
                assertThat(h.run("kept").only(Output.Value.class).value()).isEqualTo("5");
            }
            for (java.net.Socket socket : held) {
                socket.close();
            }
        }
    }

    /**
     * Maven's user settings: a mirror of everything (a school's repository manager; here a file: repository) stands
     * in for the configured repository, which cannot be reached; the local repository is the one settings.xml
     * names; and with {@code <offline>true</offline>} what is already there resolves while what is not is a clear
     * error that says why.
     */
    @Test
    void settingsXmlGivesTheMirrorTheLocalRepositoryAndOffline() throws Exception {
        Path mirror = dir.resolve("school-mirror");
        publish(mirror, "words", jar(dir.resolve("words"), "demo.words.Words",
                "package demo.words; public class Words { public static String hello() { return \"hello\"; } }",
                null), "");
        Path local = dir.resolve("settings-local");
        String mirrors = "<mirrors><mirror><id>school</id><url>" + mirror.toUri() + "</url><mirrorOf>*</mirrorOf>"
                + "</mirror></mirrors>";
        Path online = Files.writeString(dir.resolve("settings.xml"), "<settings><localRepository>" + local
                + "</localRepository>" + mirrors + "</settings>");
        Path offline = Files.writeString(dir.resolve("offline-settings.xml"), "<settings><offline>true</offline>"
                + "<localRepository>" + local + "</localRepository>" + mirrors + "</settings>");

        try (KernelHarness h = new KernelHarness(settingsLauncher(online))) {
            KernelHarness.Ran added = run(h, "%maven lessonbook.demo:words:1.0\ndemo.words.Words.hello()", null);
            assertThat(added.only(Output.Value.class).value()).as(added.outputs().toString()).isEqualTo("\"hello\"");
            assertThat(local.resolve("lessonbook/demo/words/1.0/words-1.0.jar")).exists();
        }
        // offline, nothing but the local repository may serve: the mirror is gone
        Files.move(mirror, dir.resolve("mirror-gone"));
        try (KernelHarness h = new KernelHarness(settingsLauncher(offline))) {
            KernelHarness.Ran kept = run(h, "%maven lessonbook.demo:words:1.0\ndemo.words.Words.hello()", null);
            assertThat(kept.only(Output.Value.class).value()).as(kept.outputs().toString()).isEqualTo("\"hello\"");
            KernelHarness.Ran missing = run(h, "%maven lessonbook.demo:greeter:1.0", null);
            assertThat(missing.run().outcome()).isEqualTo(Outcome.ERROR);
            assertThat(missing.only(Output.Notice.class).message()).isEqualTo("%maven found no "
                    + "lessonbook.demo:greeter:1.0 in " + local + ", and Maven's settings.xml says offline "
                    + "(<offline>true</offline>), so no repository was asked.");
        }
    }

    /** A kernel with {@code settings} as Maven's settings and, but for its mirror, a repository nothing serves. */
    private static KernelLauncher settingsLauncher(Path settings) {
        List<String> options = new ArrayList<>(KernelLauncher.DEFAULT_JVM_OPTIONS);
        options.add("-Dlessonbook.maven.settings=" + settings);
        options.add("-Dlessonbook.maven.repositories=http://127.0.0.1:1/maven2/");
        return KernelLauncher.standard().withJvmOptions(options);
    }

    /** The one test that needs Maven Central (reachable from developers' machines and CI): a small real jar. */
    @Test
    void aRealArtifactFromMavenCentral() throws Exception {
        try (KernelHarness h = new KernelHarness(launcher(null, dir.resolve("local")))) {
            // a fresh local repository: the jar and its parent POMs are downloaded, which may take a while
            KernelHarness.Ran added = run(h, "%maven org.apache.commons:commons-lang3:3.14.0\n"
                    + "import org.apache.commons.lang3.StringUtils;\n"
                    + "StringUtils.capitalize(\"lessonbook\") + \" \" + StringUtils.class.getProtectionDomain()"
                    + ".getCodeSource().getLocation().getPath().endsWith(\"commons-lang3-3.14.0.jar\")", null);
            assertThat(added.only(Output.Value.class).value()).as(added.outputs().toString())
                    .isEqualTo("\"Lessonbook true\"");

            KernelHarness.Ran missing = h.run("%maven org.apache.commons:commons-lang3:0.0.1-no-such-version");
            assertThat(missing.only(Output.Notice.class).message())
                    .startsWith("%maven found no org.apache.commons:commons-lang3:");
        }
    }

    /** Runs a cell of a notebook in {@code folder}; a minute and a half for it, as it may download. */
    private KernelHarness.Ran run(KernelHarness h, String code, Path folder) throws Exception {
        String cell = KernelHarness.newCellId();
        CellRun run = h.kernel.execute(cell, code, folder).get(90, TimeUnit.SECONDS);
        return new KernelHarness.Ran(run, h.outputsOf(cell));
    }

    /** A kernel resolving from {@code repository} (null: Maven Central) into {@code local}. */
    private static KernelLauncher launcher(String repository, Path local) {
        List<String> options = new ArrayList<>(KernelLauncher.DEFAULT_JVM_OPTIONS);
        options.add("-Dlessonbook.maven.localRepository=" + local);
        if (repository != null) {
            options.add("-Dlessonbook.maven.repositories=" + repository);
        }
        return KernelLauncher.standard().withJvmOptions(options);
    }

    /** Compiles one class (against {@code classpath}, may be null) and jars it; returns the jar. */
    private static Path jar(Path work, String className, String source, Path classpath) throws IOException {
        Path src = work.resolve("src").resolve(className.replace('.', '/') + ".java");
        Path out = work.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(out);
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
        if (classpath != null) {
            args.addAll(List.of("-cp", classpath.toString()));
        }
        args.add(src.toString());
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        Path jar = work.resolve(work.getFileName() + ".jar");
        try (JarOutputStream out2 = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                out2.putNextEntry(new JarEntry(out.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out2);
                out2.closeEntry();
            }
        }
        return jar;
    }

    /** Lays {@code jar} out as lessonbook.demo:NAME:1.0 in a Maven repository folder, with its POM. */
    private static void publish(Path repository, String name, Path jar, String dependencies) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("lessonbook/demo/" + name + "/1.0"));
        Files.copy(jar, folder.resolve(name + "-1.0.jar"));
        Files.writeString(folder.resolve(name + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>lessonbook.demo</groupId><artifactId>" + name + "</artifactId><version>1.0</version>"
                + dependencies + "</project>");
    }
}
