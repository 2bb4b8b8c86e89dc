package lessonbook.kernel.protocol;

import java.nio.file.Path;

import lessonbook.process.ProcessFolders;

/**
 * The per-kernel scratch folders (cells' compiled classes, which workers load), agreed between the kernel and
 * its host: the kernel makes its own and deletes it on a clean exit; the host sweeps after ending a kernel,
 * because a kernel it kills (close, restart, a stuck interrupt) runs no clean-up of its own.
 */
public final class KernelFolders {
    public static final ProcessFolders CLASSES =
            new ProcessFolders(Path.of(System.getProperty("java.io.tmpdir")), "lessonbook-classes");

    private KernelFolders() {
    }
}
