package lessonbook.workers.shared;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import lessonbook.process.ProcessFolders;

/**
 * Where this process keeps the files behind the shared objects it makes: {@code /dev/shm} when the system has
 * it (memory, never written to disk), else the temp folder; in it this process's {@link ProcessFolders} folder
 * (0700, removed by the next process when this one ends without cleaning up, as a kernel killed with SIGKILL
 * does). File names carry 128 random bits, files are 0600.
 * <p>
 * Bounded: a process makes at most {@code lessonbook.workers.sharedMemoryMax} bytes (default 256 MiB) of
 * shared objects; the next one is refused with a message saying so. Thread-safe.
 */
public final class SegmentFiles {
    static final long MAX_BYTES = Long.getLong("lessonbook.workers.sharedMemoryMax", 256L << 20);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong used = new AtomicLong();
    private static final ProcessFolders FOLDERS = new ProcessFolders(sharedMemoryOrTemp(), "lessonbook");

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
        return FOLDERS.mine().resolve(kind + "-" + HexFormat.of().formatHex(random));
    }

    static FileAttribute<?>[] privateFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))} : new FileAttribute<?>[0];
    }

    /** The pid in the name of the folder holding {@code file}, or -1. */
    static long creatorPid(Path file) {
        return ProcessFolders.creatorPid(file);
    }

    /** Deletes this process's shared-object files (kernel shutdown and restart). Mappings that exist stay valid. */
    public static synchronized void deleteMine() {
        FOLDERS.deleteMine();
        used.set(0);
    }

    /** Removes what processes that have ended left behind (a kernel killed with SIGKILL), if anything. */
    public static void sweepEnded() {
        FOLDERS.sweepEnded();
    }

    /** {@code /dev/shm} is memory, never written to disk; where there is none, the temp folder. */
    private static Path sharedMemoryOrTemp() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }
}
