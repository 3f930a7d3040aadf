package io.github.partnerattribution.testkit;

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
 * The real public templates in {@code ../shared/corpus}, beside the clone. Where the folder is absent, a test that
 * needs it is skipped with a message naming the folder, but not under {@code CI=true}: CI always has it, so there its
 * absence is a failure, not a silent skip.
 */
public final class Corpus {
    /** The folder, from a module's own folder (where Maven runs its tests). */
    public static final Path ROOT = Paths.get("..", "..", "shared", "corpus").toAbsolutePath().normalize();

    private Corpus() {
    }

    /** The folder; skips the calling test (fails it under {@code CI=true}) when it is not there. */
    public static Path root() {
        String absent = ROOT + " is not there: the corpus of real public templates sits in ../shared/corpus beside"
                + " the clone (the project's shared folder holds it); tests that read it are skipped without it";
        if (!Files.isDirectory(ROOT) && "true".equals(System.getenv("CI"))) {
            fail(absent + ", and CI=true: the corpus tests must run in CI");
        }
        assumeTrue(Files.isDirectory(ROOT), absent);
        return ROOT;
    }

    /** One file of the corpus, by its path inside it; as {@link #root()} when the corpus is not there. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            fail(file + " is not in the corpus");
        }
        return file;
    }

    /** Every regular file of the corpus whose name ends with one of {@code endings}, sorted. */
    public static List<Path> files(String... endings) throws IOException {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(endings).anyMatch(e -> p.toString().endsWith(e)))
                    .sorted().collect(Collectors.toList());
        }
    }
}
