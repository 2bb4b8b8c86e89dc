package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.model.Output;

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
        assertThat(ClassDataCache.usable()).isFalse();
        assertThat(new ClassDataCache(cache).kernelOptions()).isEmpty();
    }

    @Test
    void pruningKeepsTheMostRecentlyUsedArchives(@TempDir Path cache) throws Exception {
        for (int i = 0; i < 5; i++) {
            Path archive = Files.writeString(cache.resolve("kernel-" + i + ".jsa"), "x");
            archive.toFile().setLastModified(1_000_000_000_000L + i * 1000L);
        }
        Files.writeString(cache.resolve("training.lock"), "");
        // left by training runs: one killed long ago, one (of another host) still dumping
        Files.writeString(cache.resolve("kernel-4.jsa.123.tmp"), "x").toFile().setLastModified(1_000_000_000_000L);
        Files.writeString(cache.resolve("kernel-5.jsa.456.tmp"), "x");
        new ClassDataCache(cache).prune();
        try (var files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "kernel-4.jsa", "kernel-3.jsa", "kernel-2.jsa", "training.lock", "kernel-5.jsa.456.tmp");
        }
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
}
