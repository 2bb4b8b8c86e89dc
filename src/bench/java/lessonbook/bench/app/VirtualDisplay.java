package lessonbook.bench.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import lessonbook.bench.SuiteCannotRun;
import lessonbook.bench.ui.BenchDisplay;

/** The X display the app runs on: the bench's own {@code DISPLAY}, or an Xvfb started for the suite. */
final class VirtualDisplay implements AutoCloseable {
    private final String name;
    private final Process xvfb;

    private VirtualDisplay(String name, Process xvfb) {
        this.name = name;
        this.xvfb = xvfb;
    }

    String name() {
        return name;
    }

    static VirtualDisplay forBench() throws IOException, InterruptedException, SuiteCannotRun {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return new VirtualDisplay(display, null);
        }
        if (!BenchDisplay.onPath("Xvfb")) {
            throw new SuiteCannotRun("no display: the app suite needs an X display (set DISPLAY) or Xvfb on "
                    + "the PATH (e.g. `apt-get install xvfb libgtk-3-0`)");
        }
        // -displayfd: Xvfb picks a free display itself and writes its number once it accepts connections.
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = number.get(30, TimeUnit.SECONDS);
            if (n == null || n.isBlank()) {
                throw new IllegalStateException("Xvfb ended without opening a display (exit "
                        + (xvfb.waitFor(5, TimeUnit.SECONDS) ? xvfb.exitValue() : -1) + ")");
            }
            System.err.println("app bench: started Xvfb on :" + n.trim());
            return new VirtualDisplay(":" + n.trim(), xvfb);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            xvfb.destroyForcibly();
            throw new IllegalStateException("Xvfb did not open a display within 30 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        }
    }
}
