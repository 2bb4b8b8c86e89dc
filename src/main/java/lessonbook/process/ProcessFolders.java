package lessonbook.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scratch folders that outlive no process: under a root only this user may enter (0700, refused if someone
 * else made it or it is a link), one folder per process, named by its pid and start time. A process that
 * ends without cleaning up (SIGKILL, {@code Runtime.halt}, a power cut) leaves its folder behind; the next
 * process to make one here, or to {@link #sweepEnded() sweep}, removes it. So what a class's day of kernel
 * restarts leaves in the temp folder is bounded by the processes alive at once, not by how many there were.
 * <p>
 * Used for the kernel's compiled cell classes and for the files behind shared objects. Thread-safe.
 */
public final class ProcessFolders {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path root;
    private Path mine;

    /** Folders under {@code parent}/{@code name}-{@code user}: e.g. {@code /tmp/lessonbook-classes-alice}. */
    public ProcessFolders(Path parent, String name) {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        this.root = parent.resolve(name + "-" + user);
    }

    /** The root all processes of this user share. */
    public Path root() {
        return root;
    }

    /**
     * This process's folder, made on the first call (which first sweeps what ended processes left). Where the
     * shared root cannot be used (another user made a folder or a link under its name first, which would
     * otherwise keep this user's kernels from starting), a private folder with a random name in {@code parent}
     * instead: it is deleted as usual, only not swept if this process is killed.
     */
    public synchronized Path mine() {
        if (mine == null) {
            Path folder;
            try {
                makeRoot();
                sweepEnded();
                ProcessHandle me = ProcessHandle.current();
                folder = Files.createDirectories(root.resolve(me.pid() + "-" + startSeconds(me)), privateFolder());
            } catch (IOException | UncheckedIOException e) {
                folder = randomPrivateFolder();
            }
            mine = folder;
        }
        return mine;
    }

    private Path randomPrivateFolder() {
        try {
            return Files.createTempDirectory(root.getParent(), root.getFileName() + "-", privateFolder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a private folder in " + root.getParent(), e);
        }
    }

    /** Deletes this process's folder and all in it, if it made one; the next {@link #mine()} makes a new one. */
    public synchronized void deleteMine() {
        if (mine != null) {
            deleteTree(mine);
            mine = null;
        }
    }

    /** The pid of the process whose folder holds {@code file}, or -1 when it is not in such a folder. */
    public static long creatorPid(Path file) {
        Path folder = file.getParent();
        String name = folder == null ? "" : folder.getFileName().toString();
        int dash = name.indexOf('-');
        try {
            return dash > 0 ? Long.parseLong(name.substring(0, dash)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Removes the folders of processes that have ended (their pid is gone, or is now another process). */
    public void sweepEnded() {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                String[] parts = folder.getFileName().toString().split("-");
                if (parts.length != 2) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(parts[0]);
                    long started = Long.parseLong(parts[1]);
                    Optional<ProcessHandle> process = ProcessHandle.of(pid);
                    boolean sameProcessAlive = process.isPresent() && process.get().isAlive()
                            && startSeconds(process.get()) == started;
                    if (!sameProcessAlive) {
                        deleteTree(folder);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            // a sweep is housekeeping: the next process tries again
        }
    }

    private void makeRoot() {
        try {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(root.getParent());
                try {
                    Files.createDirectory(root, privateFolder());
                } catch (FileAlreadyExistsException e) {
                    // another process made it just now (grade starts several kernels at once): checked below
                }
            }
            requireOwnPrivateFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a private folder: " + root, e);
        }
    }

    /** The parent (a temp folder) is writable by everyone: refuse a folder someone else made, or a link, under our name. */
    private void requireOwnPrivateFolder() throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(root + " is not a folder");
        }
        if (!POSIX) {
            return;
        }
        UserPrincipal owner = Files.getOwner(root, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = ownerOfNewFile();
        if (!owner.equals(me)) {
            throw new IOException(root + " belongs to " + owner.getName() + ", not to " + me.getName());
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
    }

    /** Who this process is, as the file system names owners (a user without a passwd entry has no name to look up). */
    private static UserPrincipal ownerOfNewFile() throws IOException {
        Path probe = Files.createTempFile("lessonbook-owner", ".tmp");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /**
     * Creates {@code folder} (and any missing parent) for this user alone (0700 where the file system has POSIX
     * permissions); an existing folder is left as it is.
     */
    public static void createPrivate(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, privateFolder());
        }
    }

    private static FileAttribute<?>[] privateFolder() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    private static long startSeconds(ProcessHandle process) {
        return process.info().startInstant().map(i -> i.toEpochMilli() / 1000).orElse(0L);
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the next sweep
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // left for the next sweep
        }
    }
}
