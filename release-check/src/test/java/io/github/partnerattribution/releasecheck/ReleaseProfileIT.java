package io.github.partnerattribution.releasecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The release, without the network: a copy of this project, the release workflow's own version step (run by sh, as
 * for the tag of this version), then the release profile deploying into a file repository with a signing key made
 * here and thrown away. Every published module is there, each with its POM, jar, sources and Javadoc (a POM alone for
 * a pom module), each file signed (the signature verified with the key) and with its checksums, and nothing refers to
 * a SNAPSHOT; the modules never published are not there. On a SNAPSHOT version the profile refuses to run.
 */
class ReleaseProfileIT {
    static final Path ROOT = Paths.get(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    static final String SNAPSHOT = System.getProperty("project.version", "0.1.0-SNAPSHOT");
    static final String RELEASE = SNAPSHOT.replace("-SNAPSHOT", "");
    static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    static final Pattern SNAPSHOT_VERSION = Pattern.compile("<version>[^<]*SNAPSHOT[^<]*</version>");

    @TempDir
    Path work;

    /** The project's sources: every file but build output and Git's. */
    Path copy() throws IOException {
        Path to = work.resolve("project");
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path relative = ROOT.relativize(from);
                if (relative.toString().isEmpty()) {
                    continue;
                }
                if (relative.startsWith(".git") || Stream.of(relative.toString().split("/")).anyMatch("target"::equals)) {
                    continue;
                }
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to.resolve(relative.toString()));
                } else if (Files.isRegularFile(from)) {
                    Files.copy(from, to.resolve(relative.toString()));
                }
            }
        }
        return to;
    }

    /**
     * A throwaway signing key in a keyring of its own (no passphrase, a day long). Without GnuPG on the PATH the check
     * is skipped, saying so, and fails under CI=true, where it must run.
     */
    Path keyring() throws Exception {
        boolean gpg;
        try {
            gpg = new ProcessBuilder("gpg", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException none) {
            gpg = false;
        }
        String why = "release-check signs with GnuPG: put gpg on the PATH (apt install gnupg, brew install gnupg)";
        assertTrue(gpg || !"true".equals(System.getenv("CI")), why);
        org.junit.jupiter.api.Assumptions.assumeTrue(gpg, why);
        Path home = Files.createDirectory(work.resolve("gnupg"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        int made = run(work, Map.of("GNUPGHOME", home.toString()), "gpg", "--batch", "--pinentry-mode", "loopback",
                "--passphrase", "", "--quick-gen-key", "Release Check <release-check@example.invalid>", "ed25519",
                "sign", "1d");
        assertEquals(0, made, Files.readString(work.resolve("run.log")));
        return home;
    }

    static int run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MAVEN_") || name.equals("GNUPGHOME"));
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start().waitFor();
    }

    /** The release workflow's step of that name, its shell text. */
    @SuppressWarnings("unchecked")
    static String step(String name) throws IOException {
        Map<String, Object> workflow = (Map<String, Object>) new Yaml().load(Files.readString(
                ROOT.resolve(".github/workflows/release.yml"), StandardCharsets.UTF_8));
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("release");
        for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
            if (name.equals(step.get("name"))) {
                return (String) step.get("run");
            }
        }
        throw new AssertionError("no step " + name + " in the release workflow");
    }

    /** The modules the build publishes: the root's modules but those that skip deploying, and the parent. */
    static List<String> published() throws IOException {
        List<String> out = new ArrayList<>(List.of("partner-attribution-parent"));
        Matcher m = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (m.find()) {
            String pom = Files.readString(ROOT.resolve(m.group(1)).resolve("pom.xml"));
            if (!pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    void theReleaseProfileDeploysEveryPublishedModuleSignedWithSourcesJavadocAndChecksums() throws Exception {
        Path project = copy();
        Path gnupg = keyring();
        int versioned = run(project, Map.of("GITHUB_REF_NAME", "v" + RELEASE), "sh", "-e", "-c",
                step("Set the version from the tag"));
        assertEquals(0, versioned, Files.readString(project.resolve("run.log")));
        Path repo = work.resolve("repo");
        int deployed = run(project, Map.of("GNUPGHOME", gnupg.toString()), "mvn", "-B", "-ntp", "-P", "release",
                "-DskipTests", "-Dmaven.test.skip=true", "-Dinvoker.skip", "-pl", "!examples,!benchmarks,!release-check", "deploy",
                "-DaltDeploymentRepository=local::default::file://" + repo);
        String log = Files.readString(project.resolve("run.log"));
        assertEquals(0, deployed, log.substring(Math.max(0, log.length() - 4000)));

        Path group = repo.resolve("io/github/partnerattribution");
        TreeSet<String> found;
        try (Stream<Path> dirs = Files.list(group)) {
            found = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(published()), found, "exactly the published modules");
        List<String> problems = new ArrayList<>();
        for (String artifact : found) {
            Path dir = group.resolve(artifact).resolve(RELEASE);
            String pom = Files.readString(dir.resolve(artifact + "-" + RELEASE + ".pom"));
            if (SNAPSHOT_VERSION.matcher(pom).find()) {
                problems.add(artifact + ": its POM names a SNAPSHOT version");
            }
            boolean pomOnly = pom.contains("<packaging>pom</packaging>");
            List<String> files = new ArrayList<>(List.of(artifact + "-" + RELEASE + ".pom"));
            if (!pomOnly) {
                for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
                    files.add(artifact + "-" + RELEASE + suffix);
                }
            }
            for (String file : files) {
                for (String with : List.of("", ".asc", ".sha1", ".md5")) {
                    if (!Files.isRegularFile(dir.resolve(file + with))) {
                        problems.add(artifact + ": no " + file + with);
                    }
                }
                if (Files.isRegularFile(dir.resolve(file + ".asc")) && run(dir, Map.of("GNUPGHOME", gnupg.toString()),
                        "gpg", "--batch", "--verify", file + ".asc", file) != 0) {
                    problems.add(artifact + ": the signature of " + file + " does not verify");
                }
            }
        }
        try (Stream<Path> all = Files.walk(repo)) {
            all.filter(p -> p.toString().contains("SNAPSHOT")).forEach(p -> problems.add("a SNAPSHOT file: " + p));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theReleaseProfileRefusesASnapshotVersion() throws Exception {
        Path project = copy();
        int refused = run(project, Map.of(), "mvn", "-B", "-ntp", "-o", "-P", "release", "-N", "validate");
        String log = Files.readString(project.resolve("run.log"));
        assertNotEquals(0, refused, log);
        assertTrue(log.contains("A release has a release version"), log);
        assertFalse(SNAPSHOT.equals(RELEASE), "this build is a SNAPSHOT, which the check needs");
    }
}
