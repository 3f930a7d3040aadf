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
    Path temp;

    /** The user's cache folder, with a space in its name as on many a workstation. */
    Path cache;

    @org.junit.jupiter.api.BeforeEach
    void cacheFolder() throws java.io.IOException {
        cache = Files.createDirectory(temp.resolve("user cache"));
    }

    CliProcessIT.Result launch(String options, String... args) throws Exception {
        return launchIn(null, options, args);
    }

    /** The launcher run in {@code directory} (null: this one), with the test's cache, this JDK and {@code options}. */
    CliProcessIT.Result launchIn(Path directory, String options, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(DIST.resolve("bin/attribution").toString()));
        command.addAll(List.of(args));
        return CliProcessIT.run(command, Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME",
                System.getProperty("java.home"), "ATTRIBUTION_OPTS", options), directory);
    }

    /** On JDK 24 and later the launcher makes an ahead-of-time cache, before that a class-data-sharing archive. */
    static final boolean AOT = Runtime.version().feature() >= 24;
    static final String ARCHIVE = AOT ? "java.aot" : "java.jsa";
    /** The option of the JVM run that writes it. */
    static final String MAKES_IT = AOT ? "-XX:AOTMode=create" : "-Xshare:dump";

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
        List<Path> files;
        try (Stream<Path> all = Files.walk(folder)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        // one archive, named by the install's and the JDK's folders, with what it was recorded beside it, and nothing
        // else: the class list it was made from and the partial archive are gone; every folder on the way is the
        // user's alone
        Path jdk = Paths.get(System.getProperty("java.home"), "bin").toRealPath();
        Path expected = folder.resolve("for" + DIST.toRealPath()).resolve("with" + jdk).resolve(ARCHIVE);
        assertEquals(List.of(expected, expected.resolveSibling(ARCHIVE + ".id")), files.stream().sorted().toList());
        assertEquals("rw-------", mode(expected.resolveSibling(ARCHIVE + ".id")));
        for (Path f = expected.getParent(); !f.equals(cache); f = f.getParent()) {
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(f)), f.toString());
        }

        // the second run maps the archive, one archive of the JDK's classes and the tool's together (not the JDK's
        // own with the tool's as a layer on top), and loads no class of the tool from the jar
        CliProcessIT.Result second = launch("-Xlog:class+load", "guid", "check", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("java.lang.Object source: shared objects file\n"), "the JDK's from it");
        assertTrue(second.out().contains("io.github.partnerattribution.cli.GuidCommand$Check source: shared objects"
                + " file\n"), "GuidCommand from the archive");
        assertTrue(second.out().contains("io.github.partnerattribution.cli.Main source: shared objects file\n"),
                "the entry point too");
        assertFalse(second.out().contains("source: file:"), "no class read from the jar");
        assertFalse(second.out().contains("picocli.CommandLine "), "a plain local command runs without picocli");
        CliProcessIT.Result help = launch("-Xlog:class+load", "guid", "check", "--help");
        assertEquals(0, help.exit(), help.err());
        // the class-data archive holds picocli too (Java 17 bytecode); the ahead-of-time cache only the plain forms
        assertEquals(!AOT, help.out().contains("picocli.CommandLine source: shared objects file\n"), help.out());

        CliProcessIT.Result bad = launch("", "guid", "check", "nope");
        assertEquals(1, bad.exit(), bad.err());
    }

    /** A JDK that cannot make the archive: every run works, and the JDK is asked once, not on every run. */
    @Test
    void aJdkThatCannotMakeTheArchiveIsNotAskedAgainUntilItChanges() throws Exception {
        Path log = temp.resolve("java.log");
        Path java = Files.createDirectories(temp.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + log + "'\ncase \"$*\" in *" + MAKES_IT + "*) exit 1 ;; esac\n"
                + "exec '" + Paths.get(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true));
        // the JDK's release file, which says the launcher which kind of cache this JDK makes
        Files.copy(Paths.get(System.getProperty("java.home"), "release"), temp.resolve("jdk/release"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", temp.resolve("jdk").toString(),
                "ATTRIBUTION_CDS", "on", "ATTRIBUTION_OPTS", "");
        for (int run = 0; run < 2; run++) {
            CliProcessIT.Result r = CliProcessIT.run(List.of(DIST.resolve("bin/attribution").toString(), "guid", "check",
                    "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"), env);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("ok "), r.out());
            assertEquals("", r.err());
        }
        assertEquals(1, dumps(log), Files.readString(log));
        List<String> left;
        try (Stream<Path> all = Files.walk(cache)) {
            left = all.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
        }
        assertEquals(List.of(ARCHIVE + ".failed"), left, "no archive, no class list, no partial one: only the mark");

        // a newer JDK in the same place is asked again
        assertTrue(java.toFile().setLastModified(System.currentTimeMillis() + 5_000));
        CliProcessIT.Result again = CliProcessIT.run(List.of(DIST.resolve("bin/attribution").toString(), "guid", "new"),
                env);
        assertEquals(0, again.exit(), again.err());
        assertEquals(2, dumps(log), Files.readString(log));
    }

    private static long dumps(Path log) throws java.io.IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains(MAKES_IT)).count();
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

    // ---- the cache is trusted only where no one else can write

    static String mode(Path p) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static List<Path> archives(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().equals(ARCHIVE)).toList();
        }
    }

    CliProcessIT.Result guidCheck() throws Exception {
        CliProcessIT.Result r = launch("", "guid", "check", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("ok "), r.out());
        return r;
    }

    @Test
    void aCacheFolderOthersCanWriteIsNotUsedAndTheRunSaysSoOnce() throws Exception {
        Files.setPosixFilePermissions(cache, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        CliProcessIT.Result r = guidCheck();
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("attribution: running without a class-data archive:") && r.err().contains(
                cache.toString()), r.err());
        assertEquals(List.of(), archives(cache));
    }

    @Test
    void aCacheFolderOfAnotherUserIsNotUsed() throws Exception {
        int me = (Integer) Files.getAttribute(cache, "unix:uid");
        org.junit.jupiter.api.Assumptions.assumeTrue(me == 0, "only root can give a folder to another user");
        Files.setAttribute(cache, "unix:uid", 4242);
        CliProcessIT.Result r = guidCheck();
        assertTrue(r.err().startsWith("attribution: running without a class-data archive:"), r.err());
        assertEquals(List.of(), archives(cache));
    }

    @Test
    void aLinkPlantedInTheCacheIsNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectory(temp.resolve("root-only"));
        Files.createSymbolicLink(cache.resolve("partner-attribution"), elsewhere);
        CliProcessIT.Result r = guidCheck();
        assertTrue(r.err().startsWith("attribution: running without a class-data archive:"), r.err());
        try (Stream<Path> inside = Files.list(elsewhere)) {
            assertEquals(List.of(), inside.toList(), "nothing made through the link");
        }
    }

    @Test
    void aDamagedArchiveIsMadeAgainAndNeverCrashesAStart() throws Exception {
        guidCheck();
        Path archive = archives(cache).get(0);
        long size = Files.size(archive);
        try (java.nio.channels.FileChannel f = java.nio.channels.FileChannel.open(archive,
                java.nio.file.StandardOpenOption.WRITE)) {
            f.truncate(size / 2);
        }
        Path work = Files.createDirectory(temp.resolve("work"));
        CliProcessIT.Result r = launchIn(work, "", "guid", "check", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        // made again whole: the next run maps it (an ahead-of-time cache is not the same size each time it is made)
        CliProcessIT.Result mapped = launch("-Xlog:class+load", "guid", "check", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        assertTrue(mapped.out().contains("io.github.partnerattribution.cli.Main source: shared objects file\n"),
                "made again whole, and mapped: " + Files.size(archive) + " bytes against " + size);
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "no crash file in the working folder");
        }
    }

    @Test
    void anArchiveThisUserDidNotMakeIsNotUsed() throws Exception {
        guidCheck();
        Path archive = archives(cache).get(0);
        // another file in its place (a user who could write there would make one of her own classes): same name,
        // same size, another file
        Path planted = archive.resolveSibling("planted");
        Files.copy(archive, planted);
        Files.move(planted, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Object plantedKey = Files.readAttributes(archive, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        guidCheck();
        assertFalse(plantedKey.equals(Files.readAttributes(archive, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey()), "the planted archive was replaced by one made anew, not mapped");
    }
}
