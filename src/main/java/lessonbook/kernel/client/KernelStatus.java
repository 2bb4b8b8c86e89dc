package lessonbook.kernel.client;

/** What the kernel is doing, as the status bar shows it. */
public enum KernelStatus {
    STARTING, IDLE, BUSY, RESTARTING, DEAD
}
