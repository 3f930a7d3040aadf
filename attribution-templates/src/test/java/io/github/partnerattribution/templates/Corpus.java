package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real public templates in ../shared/corpus. Where the folder is absent, tests that need it are skipped, but not
 * under {@code CI=true}: CI always has it beside the clone, so there its absence is a failure, not a silent skip.
 */
final class Corpus {
    static final Path ROOT = Paths.get("..", "..", "shared", "corpus").toAbsolutePath().normalize();

    private Corpus() {
    }

    static Path root() {
        if (!Files.isDirectory(ROOT) && "true".equals(System.getenv("CI"))) {
            fail("../shared/corpus is not beside this clone, and CI=true: the corpus tests must run in CI");
        }
        assumeTrue(Files.isDirectory(ROOT), "../shared/corpus is not beside this clone");
        return ROOT;
    }

    static List<Path> files(String... endings) throws IOException {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(endings).anyMatch(e -> p.toString().endsWith(e)))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** The main templates: weblogic's mainTemplate.json, ALZ's tenant-scope template, AVM's Bicep telemetry. */
    static List<Path> mainTemplates() {
        Path root = root();
        return List.of(root.resolve("weblogic-admin/mainTemplate.json"), root.resolve("alz/mgmtGroups.json"),
                root.resolve("avm/sample.telem.bicep"));
    }
}
