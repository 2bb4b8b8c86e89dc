package lessonbook.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @Test
    void eachKindHasItsOwnArchiveForTheSameBuild(@TempDir Path cache) {
        Path kernel = new ClassDataArchive(cache, "kernel").archive();
        Path worker = new ClassDataArchive(cache, "worker").archive();
        assertThat(kernel.getParent()).isEqualTo(cache);
        assertThat(kernel.getFileName().toString()).matches("kernel-[0-9a-f]{24}\\.jsa");
        assertThat(worker.getFileName().toString()).matches("worker-[0-9a-f]{24}\\.jsa");
        assertThat(worker.getFileName().toString().substring(7)).isEqualTo(kernel.getFileName().toString().substring(7));
        assertThatThrownBy(() -> new ClassDataArchive(cache, "../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pruningKeepsTheMostRecentlyUsedArchivesOfItsOwnKind(@TempDir Path cache) throws Exception {
        for (int i = 0; i < 5; i++) {
            Files.writeString(cache.resolve("kernel-" + i + ".jsa"), "x").toFile()
                    .setLastModified(1_000_000_000_000L + i * 1000L);
            Files.writeString(cache.resolve("worker-" + i + ".jsa"), "x").toFile()
                    .setLastModified(1_000_000_000_000L + i * 1000L);
        }
        Files.writeString(cache.resolve("training.lock"), "");
        // left by training runs: one killed long ago, one (of another host) still dumping
        Files.writeString(cache.resolve("kernel-4.jsa.123.tmp"), "x").toFile().setLastModified(1_000_000_000_000L);
        Files.writeString(cache.resolve("kernel-5.jsa.456.tmp"), "x");
        new ClassDataArchive(cache, "kernel").prune();
        try (var files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith("worker-")))
                    .containsExactlyInAnyOrder("kernel-4.jsa", "kernel-3.jsa", "kernel-2.jsa", "training.lock",
                            "kernel-5.jsa.456.tmp");
        }
        try (var files = Files.list(cache)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("worker-"))).hasSize(5);
        }
    }

    /**
     * A training run gets the options that make its JVM write the archive; what it wrote moves into place, and the
     * next make() trains no more. One that fails leaves nothing behind, and the folder is this user's alone.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void makeMovesWhatTheTrainingWroteIntoPlaceOnceAndOnlyWhenItSucceeded(@TempDir Path temp) {
        Path cache = temp.resolve("cds");
        ClassDataArchive archive = new ClassDataArchive(cache, "worker");
        List<List<String>> given = new ArrayList<>();
        assertThat(archive.options()).as("no archive yet").isEmpty();
        assertThat(archive.make(options -> {
            given.add(options);
            return false;
        })).isFalse();
        assertThat(cache.toFile().list()).containsExactly("training-worker.lock");

        AtomicInteger runs = new AtomicInteger();
        ClassDataArchive.Training writes = options -> {
            runs.incrementAndGet();
            String target = options.get(0).substring("-XX:ArchiveClassesAtExit=".length());
            Files.writeString(Path.of(target), "archive");
            return true;
        };
        assertThat(archive.make(writes)).isTrue();
        assertThat(archive.make(writes)).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(given.get(0)).hasSize(2).contains("-Xlog:disable");
        assertThat(given.get(0).get(0)).startsWith("-XX:ArchiveClassesAtExit=" + cache.resolve(archive.archive().getFileName() + "."));
        assertThat(cache.toFile().list()).containsExactlyInAnyOrder("training-worker.lock",
                archive.archive().getFileName().toString());
        // a mismatch warning must not land on the child's stdout, which is a cell's output
        assertThat(archive.options()).containsExactly("-XX:SharedArchiveFile=" + archive.archive(), "-Xshare:auto",
                "-Xlog:disable");
        assertThat(permissionsOf(cache)).isEqualTo("rwx------");
    }

    private static String permissionsOf(Path folder) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(folder));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
