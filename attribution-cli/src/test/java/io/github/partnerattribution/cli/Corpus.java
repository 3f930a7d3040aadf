package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

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
}
