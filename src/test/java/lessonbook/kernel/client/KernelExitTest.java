package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words a cell shows when its kernel ended: never just a number. */
class KernelExitTest {

    private static String onUnix(int exitCode) {
        return new KernelExit(exitCode, false, "", true).describe();
    }

    @Test
    void killedBySigkillNamesTheSignalAndTheOutOfMemoryKiller() {
        assertThat(onUnix(137)).startsWith("The kernel was killed (signal SIGKILL, exit code 137)")
                .contains("out-of-memory killer").contains("kill -9");
    }

    @Test
    void otherSignalsAreNamed() {
        assertThat(onUnix(143)).contains("asked to stop").contains("SIGTERM, exit code 143");
        assertThat(onUnix(130)).contains("interrupted").contains("SIGINT");
        assertThat(onUnix(134)).contains("crashed").contains("SIGABRT").contains("hs_err_pid");
        assertThat(onUnix(139)).contains("crashed").contains("SIGSEGV");
        assertThat(onUnix(128 + 31)).isEqualTo("The kernel was ended by signal 31, exit code 159");
    }

    @Test
    void outOfMemoryIsToldFromWhatTheJvmPrintedWhateverTheCode() {
        String printed = "line\nTerminating due to java.lang.OutOfMemoryError: Java heap space\n";
        assertThat(new KernelExit(3, false, printed, true).describe())
                .startsWith("The kernel ran out of memory (OutOfMemoryError: Java heap space)");
        assertThat(new KernelExit(3, false, "Terminating due to java.lang.OutOfMemoryError: Metaspace", true)
                .describe()).contains("ran out of memory (OutOfMemoryError: Metaspace)");
    }

    @Test
    void systemExitInACellIsNotADeath() {
        assertThat(new KernelExit(3, true, "", true).describe()).isEqualTo("The cell called System.exit(3)");
    }

    @Test
    void plainCodesAndWindowsCodesAreNotSignals() {
        assertThat(onUnix(1)).isEqualTo("The kernel ended unexpectedly (exit code 1)");
        assertThat(new KernelExit(137, false, "", false).describe())
                .isEqualTo("The kernel ended unexpectedly (exit code 137)");
        assertThat(new KernelExit(7, false, "", true).code()).isEqualTo("exit code 7");
        assertThat(new KernelExit(137, false, "", true).code()).isEqualTo("signal SIGKILL, exit code 137");
    }
}
