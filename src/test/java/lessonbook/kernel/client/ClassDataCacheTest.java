package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.kernel.client.faults.PackagedHost;
import lessonbook.model.Output;
import lessonbook.process.ClassDataArchive;

class ClassDataCacheTest {

    @Test
    void archiveNameDependsOnTheJdkAndClassPathAndLivesInTheCacheFolder(@TempDir Path cache) {
        ClassDataCache classData = new ClassDataCache(cache);
        assertThat(classData.archive().getParent()).isEqualTo(cache);
        assertThat(classData.archive().getFileName().toString()).matches("kernel-[0-9a-f]{24}\\.jsa");
        assertThat(classData.archive()).isEqualTo(new ClassDataCache(cache).archive());
    }

    @Test
    void testClassPathWithDirectoriesIsNotArchivedAndAddsNoOptions(@TempDir Path cache) {
        // Maven runs tests from target/classes: the JVM refuses to archive with a non-empty directory.
        assertThat(ClassDataArchive.usable()).isFalse();
        assertThat(new ClassDataCache(cache).kernelOptions()).isEmpty();
    }

    @Test
    void damagedArchiveOnlyCostsSpeed(@TempDir Path cache) throws Exception {
        Path garbage = cache.resolve("kernel-damaged.jsa");
        Files.write(garbage, "not a class data archive".repeat(100).getBytes());
        List<String> options = new ArrayList<>(KernelLauncher.DEFAULT_JVM_OPTIONS);
        options.addAll(List.of("-XX:SharedArchiveFile=" + garbage, "-Xshare:auto", "-Xlog:disable"));
        try (KernelHarness h = new KernelHarness(KernelLauncher.standard().withClassDataCache(null).withJvmOptions(options))) {
            KernelHarness.Ran ran = h.run("System.out.println(\"fine\"); 1 + 1");
            assertThat(ran.stdout()).isEqualTo("fine\n");
            assertThat(ran.only(Output.Value.class).value()).isEqualTo("2");
        }
    }

    /**
     * The packaged app's path end to end: a host run from a jar trains the archives into its user cache, and the
     * next kernel it starts maps the kernel's archive (its memory map names the file), and that kernel's worker
     * the workers'. A training JVM that dies before
     * its exit writes nothing, and a kernel that cannot use the archive does not map it.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void hostRunFromAJarTrainsTheArchiveAndItsNextKernelMapsIt(@TempDir Path temp) throws Exception {
        Path jar = jarOfAppAndHost(temp.resolve("app.jar"));
        ProcessBuilder host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.toString(), PackagedHost.class.getName())
                .redirectErrorStream(true).redirectOutput(temp.resolve("host.log").toFile()).directory(temp.toFile());
        host.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
        Process started = host.start();
        try {
            assertThat(started.waitFor(240, TimeUnit.SECONDS)).as("host finished").isTrue();
        } finally {
            started.destroyForcibly();
        }
        String log = Files.readString(temp.resolve("host.log"), StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(temp.resolve("cache").resolve("lessonbook").resolve("cds"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("cache folder after training; host said: %s", log)
                    .anySatisfy(name -> assertThat(name).matches("kernel-[0-9a-f]{24}\\.jsa"))
                    .anySatisfy(name -> assertThat(name).matches("worker-[0-9a-f]{24}\\.jsa"));
        }
        assertThat(log).contains("archive true").containsPattern("kernel \\d+").contains("\nmapped true")
                .contains("worker mapped true");
    }

    private static Path jarOfAppAndHost(Path jar) throws IOException, URISyntaxException {
        Path classes = Path.of(ClassDataCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path testClasses = Path.of(PackagedHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String hostPrefix = PackagedHost.class.getName().replace('.', '/');
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            addTree(out, classes, p -> true);
            addTree(out, testClasses, p -> p.startsWith(hostPrefix));
            // what the kernel needs of the app's libraries, as the shaded jar holds it: ASM rewrites cells' loops
            for (Class<?> library : List.of(ClassReader.class, ClassNode.class)) {
                addJar(out, Path.of(library.getProtectionDomain().getCodeSource().getLocation().toURI()));
            }
        }
        return jar;
    }

    /** The classes of the library jar {@code library} (not its manifest or module descriptor). */
    private static void addJar(JarOutputStream out, Path library) throws IOException {
        try (JarFile jar = new JarFile(library.toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    private static void addTree(JarOutputStream out, Path root, java.util.function.Predicate<String> wanted)
            throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            if (wanted.test(name)) {
                out.putNextEntry(new JarEntry(name));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
    }
}
