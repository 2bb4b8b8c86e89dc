package lessonbook.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-process scratch folders: private, and what an ended process left is removed by the next one. */
class ProcessFoldersTest {
    @TempDir
    Path parent;

    @Test
    void aProcessGetsAPrivateFolderNamedByItsPidUnderAPrivateRoot() throws IOException {
        ProcessFolders folders = new ProcessFolders(parent, "scratch");
        Path mine = folders.mine();

        assertThat(mine.getParent()).isEqualTo(folders.root());
        assertThat(folders.root().getFileName().toString()).startsWith("scratch-");
        assertThat(mine.getFileName().toString()).startsWith(ProcessHandle.current().pid() + "-");
        assertThat(ProcessFolders.creatorPid(mine.resolve("a-file"))).isEqualTo(ProcessHandle.current().pid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folders.root()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mine))).isEqualTo("rwx------");
        assertThat(folders.mine()).isEqualTo(mine);

        Files.writeString(Files.createDirectories(mine.resolve("REPL")).resolve("A.class"), "x");
        folders.deleteMine();
        assertThat(mine).doesNotExist();
    }

    @Test
    void theFoldersOfEndedProcessesAreSweptAndThoseOfLiveOnesKept() throws Exception {
        ProcessFolders folders = new ProcessFolders(parent, "scratch");
        Process live = new ProcessBuilder("sleep", "60").start();
        Process ended = new ProcessBuilder("true").start();
        try {
            long liveStart = live.toHandle().info().startInstant().orElseThrow().toEpochMilli() / 1000;
            assertThat(ended.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Files.createDirectories(folders.root());
            Path ofLive = Files.createDirectories(folders.root().resolve(live.pid() + "-" + liveStart));
            Path ofEnded = Files.createDirectories(folders.root().resolve(ended.pid() + "-" + liveStart));
            // the live pid with another start time: that pid was reused, its first owner ended
            Path ofReusedPid = Files.createDirectories(folders.root().resolve(live.pid() + "-" + (liveStart - 100)));
            Files.writeString(Files.createDirectories(ofEnded.resolve("REPL")).resolve("A.class"), "x");
            Path notOurs = Files.createDirectories(folders.root().resolve("something-else-entirely"));

            folders.mine();

            assertThat(ofEnded).doesNotExist();
            assertThat(ofReusedPid).doesNotExist();
            assertThat(ofLive).isDirectory();
            assertThat(notOurs).isDirectory();
        } finally {
            live.destroyForcibly();
        }
    }

    @Test
    void aLinkSomeoneLeftUnderTheRootsNameIsNotFollowedAndAPrivateFolderIsUsedInstead() throws IOException {
        Path elsewhere = Files.createDirectories(parent.resolve("elsewhere"));
        ProcessFolders folders = new ProcessFolders(parent, "scratch");
        Files.createSymbolicLink(folders.root(), elsewhere);

        Path mine = folders.mine();

        assertThat(mine.getParent()).isEqualTo(parent);
        assertThat(mine.getFileName().toString()).startsWith(folders.root().getFileName() + "-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mine))).isEqualTo("rwx------");
        try (var inElsewhere = Files.list(elsewhere)) {
            assertThat(inElsewhere).isEmpty();
        }
        folders.deleteMine();
        assertThat(mine).doesNotExist();
    }

    @Test
    void processesMakingTheRootAtOnceAllGetTheirFolderUnderIt() throws Exception {
        List<Path> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            // one ProcessFolders per "process": each makes the root if it finds none
            ProcessFolders folders = new ProcessFolders(parent, "scratch");
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    made.add(folders.mine());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(made).hasSize(8).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(parent.resolve("scratch-"
                + System.getProperty("user.name").replaceAll("[^A-Za-z0-9_.-]", "_"))));
    }
}
