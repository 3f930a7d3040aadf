package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/attribution of the distribution the build makes, as a real process. */
class LauncherIT {
    static final Path DIST = Paths.get(System.getProperty("attribution.dist",
            "target/attribution-0.1.0-SNAPSHOT/attribution-0.1.0-SNAPSHOT"));

    @TempDir
    Path cache;

    CliProcessIT.Result launch(String options, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(DIST.resolve("bin/attribution").toString()));
        command.addAll(List.of(args));
        return CliProcessIT.run(command, Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME",
                System.getProperty("java.home"), "ATTRIBUTION_OPTS", options));
    }

    @Test
    void theDistributionHoldsBothLaunchersAndTheJar() {
        assertTrue(Files.isExecutable(DIST.resolve("bin/attribution")));
        assertTrue(Files.isRegularFile(DIST.resolve("bin/attribution.cmd")));
        assertTrue(Files.isRegularFile(DIST.resolve("lib/attribution.jar")));
        assertTrue(Files.isRegularFile(DIST.getParent().getParent().resolve("attribution-0.1.0-SNAPSHOT.zip")));
    }

    @Test
    void theLauncherRunsTheToolAndMakesItsArchiveOnceInThePrivateCache() throws Exception {
        CliProcessIT.Result first = launch("", "guid", "check", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("ok "), first.out());
        assertEquals("", first.err());
        Path folder = cache.resolve("partner-attribution");
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder)));
        List<Path> archives;
        try (Stream<Path> files = Files.list(folder)) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).getFileName().toString().matches("attribution-[0-9]+\\.jsa"), archives.toString());

        // the second run maps the archive: the tool's classes come from it
        CliProcessIT.Result second = launch("-Xlog:class+load", "guid", "check", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("io.github.partnerattribution.cli.GuidCommand$Check source: shared objects file"
                + " (top)"), "GuidCommand from the archive");
        assertFalse(second.out().contains("picocli.CommandLine "), "a plain local command runs without picocli");
        CliProcessIT.Result help = launch("-Xlog:class+load", "guid", "check", "--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("picocli.CommandLine source: shared objects file (top)"),
                "picocli, for everything else, is archivable (Java 17 bytecode)");

        CliProcessIT.Result bad = launch("", "guid", "check", "nope");
        assertEquals(1, bad.exit(), bad.err());
    }

    @Test
    void withoutTheArchiveTheLauncherStillRuns() throws Exception {
        CliProcessIT.Result r = CliProcessIT.run(List.of(DIST.resolve("bin/attribution").toString(), "template",
                "rules"), Map.of("ATTRIBUTION_CDS", "off", "XDG_CACHE_HOME", cache.toString()));
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("CUA001"), out);
        assertTrue(Files.notExists(cache.resolve("partner-attribution")), "no archive when it is off");
    }
}
