package lessonbook.ui;

import lessonbook.kernel.client.Kernel;

/** The real kernel JVM when this build has it, else the scripted in-test kernel (until the kernel lands). */
final class TestKernels {
    private TestKernels() {
    }

    static boolean realKernelAvailable() {
        try {
            Class.forName("lessonbook.kernel.client.JvmKernel");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static Kernel create() {
        return realKernelAvailable() ? DesktopLauncher.processKernel() : new ScriptedKernel();
    }
}
