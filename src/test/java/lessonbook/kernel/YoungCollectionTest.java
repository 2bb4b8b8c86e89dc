package lessonbook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import lessonbook.testkit.KernelHarness;

/**
 * A cell's code starts on a young generation that is less than half full: when the cells before (and the cell's own
 * compile) filled eden past half, the kernel collects it before the code runs, not in the middle of what the code
 * times. Read in a real kernel from its own memory MXBeans.
 */
class YoungCollectionTest {
    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    private static final String HELPERS = """
            import java.lang.management.*;
            MemoryPoolMXBean eden = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Eden")).findFirst().orElseThrow();
            long youngCollections() {
                return ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .filter(c -> java.util.Arrays.asList(c.getMemoryPoolNames()).contains(eden.getName()))
                        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
            }
            double edenFull() {
                MemoryUsage u = eden.getUsage();
                return u.getUsed() / (double) u.getCommitted();
            }
            byte[] garbage;
            /** Garbage until eden is this full, in small steps that stop at a collection; one snippet. */
            String fillEdenTo(double full) {
                long before = youngCollections();
                while (edenFull() < full && youngCollections() == before) {
                    garbage = new byte[64 * 1024];
                }
                return "filled " + (youngCollections() == before) + " " + youngCollections() + " " + edenFull();
            }
            """;

    @Test
    void aCellsCodeStartsOnALessThanHalfFullEdenAfterTheCellsBeforeFilledIt() {
        harness.run(HELPERS);
        // the kernel's idle-time warm-up allocates between cells: let it finish first
        harness.awaitWarmUpEnded();
        // eden over 70 % full of garbage, without a collection
        KernelHarness.Ran filled = harness.run("System.out.println(fillEdenTo(0.7));");
        assertThat(filled.stdout()).as(filled.stdout() + filled.stderr()).startsWith("filled true");
        long countAfterFilling = Long.parseLong(filled.stdout().trim().split(" ")[2]);

        // the first statement of the next cell reads what its code starts on
        KernelHarness.Ran next = harness.run("System.out.println(youngCollections() + \" \" + edenFull());");

        String[] seen = next.stdout().trim().split(" ");
        assertThat(Long.parseLong(seen[0])).as(next.stdout()).isGreaterThan(countAfterFilling);
        assertThat(Double.parseDouble(seen[1])).as(next.stdout()).isLessThan(0.5);
    }
}
