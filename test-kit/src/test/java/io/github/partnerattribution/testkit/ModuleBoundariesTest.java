package io.github.partnerattribution.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleBoundariesTest {
    /** The command line and the Maven plugin are applications: they run on the class path and declare no module. */
    static final Set<String> TOOLS = Set.of("attribution-cli", "attribution-maven-plugin");

    /**
     * The benchmarks time the template check stage by stage ("where check's time goes": the text decoded as the
     * templates module decodes it, the tree, the model), which only those classes can show. They are never published.
     */
    static final Set<String> ALLOWED = Set.of(
            "benchmarks -> io.github.partnerattribution.templates.internal",
            "benchmarks -> io.github.partnerattribution.core.support");

    @Test
    void noModuleUsesAPackageAnotherDoesNotExportToIt() {
        Path root = Paths.get("..").toAbsolutePath().normalize();
        List<String> problems = ModuleBoundaries.violations(root, ALLOWED, TOOLS);
        assertEquals("", String.join("\n", problems),
                "export the package to the module in its owner's " + ModuleBoundaries.MODULE_INFO
                        + " if it is shared support, or use the owner's API");
    }

    @Test
    void aUseOfAPackageThatIsNotExportedToTheModuleIsNamedWithItsLine(@TempDir Path root) throws IOException {
        write(root.resolve("attribution-bom/pom.xml"), "<dependencyManagement><artifactId>lib-a</artifactId>"
                + "<artifactId>lib-b</artifactId><artifactId>app</artifactId></dependencyManagement>");
        module(root, "lib-a", "module a { exports io.github.partnerattribution.a; "
                + "exports io.github.partnerattribution.a.support to b, app; }",
                "io.github.partnerattribution.a", "io.github.partnerattribution.a.support",
                "io.github.partnerattribution.a.internal");
        module(root, "lib-b", "module b { exports io.github.partnerattribution.b; }", "io.github.partnerattribution.b",
                "io.github.partnerattribution.b.internal");
        write(root.resolve("lib-b/src/main/java/B2.java"), "package io.github.partnerattribution.b;\n"
                + "import io.github.partnerattribution.a.X;\n"
                + "import io.github.partnerattribution.a.support.X;\n"
                + "// io.github.partnerattribution.a.internal.X in a comment is not a use\n"
                + "import io.github.partnerattribution.a.internal.X;\n"
                + "class B2 { Object o = new io.github.partnerattribution.a.internal.X(); }\n");
        module(root, "app", null, "io.github.partnerattribution.app");
        write(root.resolve("app/pom.xml"), "<Automatic-Module-Name>app</Automatic-Module-Name>");
        write(root.resolve("app/src/main/java/App2.java"), "package io.github.partnerattribution.app;\n"
                + "import static io.github.partnerattribution.a.support.X.y;\n"
                + "import io.github.partnerattribution.b.internal.Y;\n");

        List<String> problems = ModuleBoundaries.violations(root, Set.of(), Set.of("app"));

        assertEquals(List.of(
                "app/src/main/java/App2.java:3: app uses io.github.partnerattribution.b.internal, which b does not export"
                        + " to it",
                "lib-b/src/main/java/B2.java:5: b uses io.github.partnerattribution.a.internal, which a does not export"
                        + " to it",
                "lib-b/src/main/java/B2.java:6: b uses io.github.partnerattribution.a.internal, which a does not export"
                        + " to it"), problems);
    }

    @Test
    void aLibraryWithoutADescriptorIsNamedUnlessItIsATool(@TempDir Path root) throws IOException {
        write(root.resolve("attribution-bom/pom.xml"), "<dependencyManagement><artifactId>lib</artifactId>"
                + "<artifactId>app</artifactId></dependencyManagement>");
        module(root, "lib", null, "io.github.partnerattribution.lib");
        module(root, "app", null, "io.github.partnerattribution.app");

        assertEquals(List.of("lib: a library in the BOM without " + ModuleBoundaries.MODULE_INFO),
                ModuleBoundaries.violations(root, Set.of(), Set.of("app")));
    }

    private static void module(Path root, String folder, String moduleInfo, String... packages) throws IOException {
        write(root.resolve(folder + "/pom.xml"), "<project/>");
        if (moduleInfo != null) {
            write(root.resolve(folder).resolve(ModuleBoundaries.MODULE_INFO), moduleInfo);
        }
        int i = 0;
        for (String pkg : packages) {
            write(root.resolve(folder + "/src/main/java/C" + i++ + ".java"), "package " + pkg + ";\nclass C {}\n");
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
