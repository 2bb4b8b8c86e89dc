package lessonbook.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Replaces a file so that a crash at any moment leaves either the old file or the new one, never a truncated
 * mix: the bytes go to a temp file in the same folder (same file system, so the move can be atomic), are forced
 * to disk, and the temp file is then moved over the target in one step.
 */
public final class AtomicFileWriter {
    /**
     * Test hook: when set to a path, the writer creates that file after the temp file is on disk and then waits
     * forever before the move, so a test can kill the JVM at exactly that moment.
     */
    public static final String PAUSE_BEFORE_MOVE_PROPERTY = "lessonbook.test.pauseBeforeMove";

    private AtomicFileWriter() {
    }

    /**
     * Temp files a killed save left behind are removed by the next save of the same file once they are this old:
     * long enough that a save still under way in another window (its temp file is written, forced, then moved
     * within seconds) is never taken for a leftover.
     */
    private static final long STALE_MILLIS = 60L * 1000;

    public static void write(Path target, byte[] content) throws IOException {
        if (target.toAbsolutePath().getFileName() == null) {
            throw new IOException(target + " is a folder, not a file name");
        }
        // a symbolic link stays a link: the file it points to is the one replaced, if the link may be trusted
        Path absolute = Files.isSymbolicLink(target) ? trustedLinkTarget(target) : target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + " is a folder, not a file");
        }
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".saving");
        try {
            keepPermissions(absolute, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            pauseIfTesting();
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(folder);
            removeStaleTempFiles(folder, absolute.getFileName().toString());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The file a symbolic link points to, when the link may be followed: as Linux's {@code protected_symlinks}
     * and careful editors do, a link is followed only when its owner is the user saving or the owner of its
     * folder. A link another user planted in a shared folder (say /tmp/lesson.md pointing at the victim's
     * ~/.bashrc) is refused, instead of its target being replaced by the lesson.
     */
    private static Path trustedLinkTarget(Path link) throws IOException {
        Path absolute = link.toAbsolutePath();
        try {
            UserPrincipal owner = Files.getOwner(absolute, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal folderOwner = Files.getOwner(absolute.getParent());
            UserPrincipal me = absolute.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!owner.equals(me) && !owner.equals(folderOwner)) {
                throw new IOException(link + " is a symbolic link owned by " + owner.getName()
                        + ", neither you nor the folder's owner; not saving through it (save under another name)");
            }
        } catch (UnsupportedOperationException | UserPrincipalNotFoundException noOwners) {
            // a file system without owners (FAT, some network shares) has no planted links to tell apart
        }
        return absolute.toRealPath();
    }

    /**
     * Removes the temp files a killed save of {@code target} left (over a minute old), as the window does when
     * it opens the lesson, so they do not wait for the next save.
     */
    public static void removeLeftovers(Path target) {
        Path absolute = target.toAbsolutePath();
        if (absolute.getParent() != null && absolute.getFileName() != null) {
            removeStaleTempFiles(absolute.getParent(), absolute.getFileName().toString());
        }
    }

    private static void removeStaleTempFiles(Path folder, String name) {
        long now = System.currentTimeMillis();
        // a filter, not a glob: a name with [ or { is not a pattern
        DirectoryStream.Filter<Path> leftovers = p -> {
            String n = p.getFileName().toString();
            return n.startsWith("." + name + ".") && n.endsWith(".saving");
        };
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(folder, leftovers)) {
            for (Path temp : stale) {
                if (now - Files.getLastModifiedTime(temp).toMillis() > STALE_MILLIS) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // tidying up is a courtesy; the save itself has succeeded
        }
    }

    private static void keepPermissions(Path target, Path temp) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (view != null && Files.exists(target)) {
                view.setPermissions(Files.getPosixFilePermissions(target));
            } else if (view != null) {
                // A temp file is private (rw-------); a new lesson or export should be readable like the folder
                // it goes to (rw-r--r-- in a drwxr-xr-x folder), never more open than that folder.
                Set<PosixFilePermission> permissions =
                        EnumSet.noneOf(PosixFilePermission.class);
                for (PosixFilePermission p : Files.getPosixFilePermissions(target.getParent())) {
                    if (!p.name().endsWith("EXECUTE")) {
                        permissions.add(p);
                    }
                }
                permissions.add(PosixFilePermission.OWNER_READ);
                permissions.add(PosixFilePermission.OWNER_WRITE);
                view.setPermissions(permissions);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the temp file's default permissions are an acceptable result; the content matters more
        }
    }

    /** Makes the rename itself durable; not every platform can open a folder, which is then fine to skip. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows and some file systems refuse; the move has still happened
        }
    }

    private static void pauseIfTesting() throws IOException {
        String signal = System.getProperty(PAUSE_BEFORE_MOVE_PROPERTY);
        if (signal == null) {
            return;
        }
        Files.writeString(Path.of(signal), "written, not moved");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted before the move", e);
        }
    }
}
