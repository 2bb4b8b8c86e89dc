package lessonbook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import org.junit.jupiter.api.Test;

/**
 * The layers, read from the compiled classes (a fully qualified {@code javafx.Foo} in a method body counts, not
 * only imports), so that an arrow the wrong way fails the build instead of waiting for a review. {@link #MAY_USE}
 * is the README's table of packages ("For contributors"), row by row:
 * <pre>
 *   model  &lt;-  display, format, process  &lt;-  jit, workers  &lt;-  kernel  &lt;-  session  &lt;-  cli, ui
 * </pre>
 * The model knows nothing of JavaFX or JShell; the kernel and the worker runtime never touch JavaFX; the UI is the
 * only JavaFX code and nothing of the product depends on it; the kernel JVM's side is reached by the host only
 * through the protocol (its main class is launched by name); the benchmarks and demos ({@code lessonbook.bench},
 * a source folder of their own) may use everything, and nothing uses them.
 */
class ArchitectureTest {
    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("lessonbook");
    private static final String BENCH = "lessonbook.bench..";
    private static final String[] JAVAFX = {"javafx..", "com.sun.javafx..", "com.sun.glass..", "com.sun.prism..",
        "org.fxmisc.."};

    /**
     * Each package of the README's table and the packages of ours it may use (a subpackage belongs to its nearest
     * row). A class named in a string, as a child JVM's main class, is not a use.
     */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("syntax", Set.of()),
            Map.entry("format", Set.of("model", "syntax")),
            Map.entry("process", Set.of()),
            Map.entry("jit", Set.of("process")),
            Map.entry("display", Set.of("model")),
            Map.entry("kernel.protocol", Set.of("model", "process")),
            Map.entry("kernel.client", Set.of("model", "process", "kernel.protocol")),
            Map.entry("kernel.jvm", Set.of("model", "process", "jit", "kernel.protocol", "display", "workers",
                    "workers.runtime", "workers.shared")),
            Map.entry("workers", Set.of("workers.runtime", "workers.shared")),
            Map.entry("workers.runtime", Set.of("process", "workers.shared", "model")),
            Map.entry("workers.shared", Set.of("process")),
            Map.entry("session", Set.of("model", "kernel.client", "kernel.protocol")),
            Map.entry("ui", Set.of("model", "format", "syntax", "jit", "process", "kernel.client", "kernel.protocol",
                    "session")),
            Map.entry("cli", Set.of("model", "format", "jit", "kernel.client", "kernel.protocol", "session")),
            Map.entry("", Set.of("ui", "cli")),
            Map.entry("bench", Set.of("model", "syntax", "format", "process", "jit", "display", "kernel.protocol",
                    "kernel.client", "kernel.jvm", "workers", "workers.runtime", "workers.shared", "session", "ui",
                    "cli", "")));

    @Test
    void everyPackageUsesOnlyWhatItsRowInTheReadmeAllows() {
        List<String> violations = new ArrayList<>();
        for (JavaClass from : ALL) {
            String row = rowOf(from.getPackageName());
            Set<String> seen = new TreeSet<>();
            for (Dependency dependency : from.getDirectDependenciesFromSelf()) {
                String target = rowOf(dependency.getTargetClass().getPackageName());
                if (target != null && !target.equals(row) && !MAY_USE.get(row).contains(target) && seen.add(target)) {
                    violations.add(from.getName() + " (" + row + ") uses " + dependency.getTargetClass().getName()
                            + " (" + target + ")");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPackageOfOursHasARow() {
        for (JavaClass c : ALL) {
            assertThat(rowOf(c.getPackageName())).as(c.getName()).isNotNull();
        }
    }

    /** The nearest row of the table that holds {@code packageName} ("" for {@code lessonbook}); null outside. */
    static String rowOf(String packageName) {
        if (packageName.equals("lessonbook")) {
            return "";
        }
        if (!packageName.startsWith("lessonbook.")) {
            return null;
        }
        String rest = packageName.substring("lessonbook.".length());
        while (!MAY_USE.containsKey(rest)) {
            int dot = rest.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            rest = rest.substring(0, dot);
        }
        return rest;
    }

    @Test
    void theModelKnowsOnlyTheJdk() {
        classes().that().resideInAPackage("lessonbook.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "lessonbook.model..")
                .check(ALL);
    }

    @Test
    void theProcessLayerKnowsOnlyTheJdk() {
        classes().that().resideInAPackage("lessonbook.process..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "lessonbook.process..")
                .check(ALL);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("lessonbook.ui..", BENCH)
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .check(ALL);
    }

    @Test
    void onlyTheKernelJvmUsesJShell() {
        noClasses().that().resideOutsideOfPackages("lessonbook.kernel.jvm..", BENCH)
                .should().dependOnClassesThat().resideInAPackage("jdk.jshell..")
                .check(ALL);
    }

    @Test
    void nothingOfTheProductDependsOnTheUi() {
        noClasses().that().resideOutsideOfPackages("lessonbook.ui..", BENCH)
                .should().dependOnClassesThat().resideInAPackage("lessonbook.ui..")
                .check(ALL);
    }

    @Test
    void theKernelJvmsSideIsReachedOnlyThroughTheProtocol() {
        noClasses().that().resideOutsideOfPackages("lessonbook.kernel.jvm..", BENCH)
                .should().dependOnClassesThat().resideInAPackage("lessonbook.kernel.jvm..")
                .check(ALL);
    }

    @Test
    void theWorkersKnowNothingOfTheKernelTheSessionOrTheirUsers() {
        noClasses().that().resideInAPackage("lessonbook.workers..")
                .should().dependOnClassesThat().resideInAnyPackage("lessonbook.kernel..", "lessonbook.session..",
                        "lessonbook.cli..", "lessonbook.ui..", "lessonbook.format..")
                .check(ALL);
    }

    @Test
    void theSessionAndTheCliRunWithoutAWindow() {
        noClasses().that().resideInAnyPackage("lessonbook.session..", "lessonbook.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .check(ALL);
    }

    @Test
    void nothingOfTheProductDependsOnTheBenchmarks() {
        noClasses().that().resideOutsideOfPackage(BENCH)
                .should().dependOnClassesThat().resideInAPackage(BENCH)
                .check(ALL);
    }

    @Test
    void theTopLevelPackagesFormNoCycle() {
        slices().matching("lessonbook.(*)..").should().beFreeOfCycles().check(ALL);
    }

    @Test
    void thePackagesInsideUiKernelCliFormatAndWorkersFormNoCycle() {
        for (String root : List.of("lessonbook.ui", "lessonbook.kernel", "lessonbook.cli", "lessonbook.format",
                "lessonbook.workers")) {
            slices().assignedFrom(eachPackageUnder(root)).should().beFreeOfCycles().check(ALL);
        }
    }

    /** Each package under {@code root}, {@code root} itself included, as its own slice. */
    private static SliceAssignment eachPackageUnder(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                String name = type.getPackageName();
                return name.equals(root) || name.startsWith(root + ".") ? SliceIdentifier.of(name)
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each package under " + root;
            }
        };
    }
}
