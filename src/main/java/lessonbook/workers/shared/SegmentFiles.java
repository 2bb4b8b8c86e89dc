package lessonbook.workers.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where this process keeps the files behind the shared objects it makes: {@code /dev/shm} when the system has
 * it (memory, never written to disk), else the temp folder; under it a folder only this user can enter (0700)
 * and in it one folder per creating process, named by its pid and start time, so that the folders of processes
 * that have ended (a kernel killed with SIGKILL runs no clean-up) are recognised and removed by the next process
 * that makes a shared object. File names carry 128 random bits, files are 0600.
 * <p>
 * Bounded: a process makes at most {@code lessonbook.workers.sharedMemoryMax} bytes (default 256 MiB) of
 * shared objects; the next one is refused with a message saying so. Thread-safe.
 */
public final class SegmentFiles {
    static final long MAX_BYTES = Long.getLong("lessonbook.workers.sharedMemoryMax", 256L << 20);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong used = new AtomicLong();
    private static volatile Path mine;

    private SegmentFiles() {
    }

    /** A new file name for a shared object of the given kind, in this process's folder. */
    static Path newFile(String kind, long bytes) {
        long now = used.addAndGet(bytes);
        if (now > MAX_BYTES) {
            used.addAndGet(-bytes);
            throw new IllegalStateException("this process already made " + (now - bytes) / 1024
                    + " KiB of shared objects; one of " + bytes / 1024 + " KiB more would pass the limit of "
                    + MAX_BYTES / 1024 + " KiB (-Dlessonbook.workers.sharedMemoryMax=BYTES raises it)");
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return myFolder().resolve(kind + "-" + HexFormat.of().formatHex(random));
    }

    static FileAttribute<?>[] privateFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))} : new FileAttribute<?>[0];
    }

    /** The pid in the name of the folder holding {@code file}, or -1. */
    static long creatorPid(Path file) {
        Path folder = file.getParent();
        String name = folder == null ? "" : folder.getFileName().toString();
        int dash = name.indexOf('-');
        try {
            return dash > 0 ? Long.parseLong(name.substring(0, dash)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Deletes this process's shared-object files (kernel shutdown and restart). Mappings that exist stay valid. */
    public static synchronized void deleteMine() {
        Path folder = mine;
        if (folder != null) {
            deleteTree(folder);
            mine = null;
            used.set(0);
        }
    }

    /** Removes what processes that have ended left behind (a kernel killed with SIGKILL), if anything. */
    public static void sweepEnded() {
        Path base = userFolderPath();
        if (Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            sweepEnded(base);
        }
    }

    private static synchronized Path myFolder() {
        if (mine == null) {
            Path base = userFolder();
            sweepEnded(base);
            ProcessHandle me = ProcessHandle.current();
            Path folder = base.resolve(me.pid() + "-" + startSeconds(me));
            try {
                Files.createDirectories(folder, privateFolder());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a folder for shared objects: " + folder, e);
            }
            mine = folder;
        }
        return mine;
    }

    private static Path userFolderPath() {
        Path shm = Path.of("/dev/shm");
        Path root = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        return root.resolve("lessonbook-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    private static Path userFolder() {
        Path base = userFolderPath();
        try {
            if (!Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(base, privateFolder());
            }
            requireOwnPrivateFolder(base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a private folder for shared objects: " + base, e);
        }
        return base;
    }

    /** The shared root is writable by everyone: refuse a folder someone else made (or a link) under our name. */
    private static void requireOwnPrivateFolder(Path base) throws IOException {
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(base + " is not a folder");
        }
        if (!POSIX) {
            return;
        }
        UserPrincipal owner = Files.getOwner(base, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = ownerOfNewFile();
        if (!owner.equals(me)) {
            throw new IOException(base + " belongs to " + owner.getName() + ", not to " + me.getName());
        }
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
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

    private static FileAttribute<?>[] privateFolder() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }

    /** Removes the folders of creators that have ended (their pid is gone, or is now another process). */
    private static void sweepEnded(Path base) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(base)) {
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
