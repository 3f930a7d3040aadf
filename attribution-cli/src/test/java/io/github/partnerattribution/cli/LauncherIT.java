package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/attribution of the distribution the build makes, as a real process. */
class LauncherIT {
    static final Path DIST = Paths.get(System.getProperty("attribution.dist",
            "target/attribution-0.1.0-SNAPSHOT/attribution-0.1.0-SNAPSHOT"));

    @TempDir
    Path cache;

    record Result(int exit, String out, String err) {
    }

    Result launch(String options, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(DIST.resolve("bin/attribution").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ATTRIBUTION_OPTS", options);
        Path out = Files.createTempFile(cache, "out", ".txt");
        Path err = Files.createTempFile(cache, "err", ".txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher finished");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
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
        Result first = launch("", "guid", "check", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
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
        Result second = launch("-Xlog:class+load", "guid", "check", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("io.github.partnerattribution.cli.GuidCommand source: shared objects file (top)"),
                "GuidCommand from the archive");
        assertTrue(second.out().contains("picocli.CommandLine source: shared objects file (top)"),
                "picocli is archivable (Java 17 bytecode)");

        Result bad = launch("", "guid", "check", "nope");
        assertEquals(1, bad.exit(), bad.err());
    }

    @Test
    void withoutTheArchiveTheLauncherStillRuns() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/attribution").toString(), "template", "rules");
        builder.environment().put("ATTRIBUTION_CDS", "off");
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = builder.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("CUA001"), out);
        assertTrue(Files.notExists(cache.resolve("partner-attribution")), "no archive when it is off");
    }
}
