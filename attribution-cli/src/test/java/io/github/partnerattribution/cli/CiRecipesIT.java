package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The CI recipes in examples/ci and the repository's .pre-commit-hooks.yaml, parsed as the CI systems read them;
 * then the command lines they run are run, as they are, against sample trees, with the distribution's bin on the
 * PATH: a clean tree passes and writes SARIF, a tree whose main template lacks the tracking deployment fails with the
 * finding in the SARIF. The build step's module and artifact names are checked against this build, and its clone
 * against the release tag of this version.
 */
class CiRecipesIT {
    static final Path PROJECT = Paths.get("..").toAbsolutePath().normalize();
    static final Path BIN = LauncherIT.DIST.resolve("bin").toAbsolutePath();
    static final String TRACKED = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
            + " \"contentVersion\": \"1.0.0.0\", \"resources\": [{\"type\": \"Microsoft.Resources/deployments\","
            + " \"apiVersion\": \"2025-04-01\", \"name\": \"pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\", \"properties\":"
            + " {\"mode\": \"Incremental\", \"template\": {\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
            + " \"contentVersion\": \"1.0.0.0\", \"resources\": []}}}]}";
    static final String UNTRACKED = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
            + " \"contentVersion\": \"1.0.0.0\", \"resources\": []}";

    @TempDir
    Path work;

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws Exception {
        return (Map<String, Object>) new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    Path tree(String name, String mainTemplate) throws Exception {
        Path root = Files.createDirectories(work.resolve(name));
        Files.writeString(root.resolve("mainTemplate.json"), mainTemplate);
        Files.writeString(root.resolve("package.json"), "{\"name\": \"not a template\"}");
        return root;
    }

    /** Runs one shell line of a recipe in {@code dir}, as the CI's shell would, with the distribution on the PATH. */
    static CliProcessIT.Result sh(String line, Path dir, Map<String, String> more) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-e", "-c", line).directory(dir.toFile());
        builder.environment().put("PATH", BIN + ":" + System.getenv("PATH"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ATTRIBUTION_CDS", "off");
        builder.environment().putAll(more);
        Path out = Files.createTempFile(dir.getParent(), "sh", ".out");
        Path err = Files.createTempFile(dir.getParent(), "sh", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), line);
        return new CliProcessIT.Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    static List<String> attributionLines(String script) {
        List<String> out = new ArrayList<>();
        for (String line : script.split("\n")) {
            if (line.contains("attribution template ")) {
                out.add(line.trim());
            }
        }
        return out;
    }

    /** What a recipe's build step names exists in this build: the module, and the distribution zip it unpacks. */
    static void buildStepMatchesThisBuild(String script) throws Exception {
        // the repository named, at the release tag of this version, never a branch
        String release = System.getProperty("project.version", "").replace("-SNAPSHOT", "");
        assertTrue(script.contains("git clone --depth 1 --branch v" + release
                + " https://github.com/partnerattribution/partner-attribution-java.git "), script);
        assertTrue(script.contains("-pl attribution-cli -am package"), script);
        assertTrue(Files.isRegularFile(PROJECT.resolve("attribution-cli/pom.xml")));
        assertTrue(script.contains("attribution-cli/target/attribution-*.zip"), script);
        int zips = 0;
        try (DirectoryStream<Path> found = Files.newDirectoryStream(PROJECT.resolve("attribution-cli/target"), "attribution-*.zip")) {
            for (Path ignored : found) {
                zips++;
            }
        }
        assertEquals(1, zips, "the glob the recipe unpacks matches the one distribution of this build");
        assertTrue(script.contains("tools/attribution-*/bin"), script);
        assertTrue(Files.isExecutable(LauncherIT.DIST.resolve("bin/attribution")));
    }

    static JsonNode sarif(Path file) throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(file.toFile());
        assertEquals("2.1.0", sarif.get("version").asText());
        return sarif.get("runs").get(0).get("results");
    }

    @Test
    void theGitHubWorkflowScansAndUploadsSarif() throws Exception {
        Map<String, Object> workflow = yaml(PROJECT.resolve("examples/ci/github-actions.yml"));
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("templates");
        List<Map<String, Object>> steps = list(job.get("steps"));
        assertEquals("write", ((Map<String, Object>) workflow.get("permissions")).get("security-events"));
        Map<String, Object> upload = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("github/codeql-action/upload-sarif@"))
                .findFirst().orElseThrow();
        assertEquals("always()", upload.get("if"), "findings are uploaded also when the scan fails the job");
        String sarifFile = (String) ((Map<String, Object>) upload.get("with")).get("sarif_file");

        buildStepMatchesThisBuild((String) steps.stream().filter(s -> "Build the attribution command line".equals(s.get("name")))
                .findFirst().orElseThrow().get("run"));
        List<String> scan = new ArrayList<>();
        for (Map<String, Object> step : steps) {
            if (step.get("run") != null && !"Build the attribution command line".equals(step.get("name"))) {
                scan.addAll(attributionLines((String) step.get("run")));
            }
        }
        assertEquals(List.of("attribution template scan --format sarif . > " + sarifFile), scan);

        Path clean = tree("clean", TRACKED);
        CliProcessIT.Result ok = sh(scan.get(0), clean, Map.of());
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(0, sarif(clean.resolve(sarifFile)).size());
        Path missing = tree("missing", UNTRACKED);
        CliProcessIT.Result failed = sh(scan.get(0), missing, Map.of());
        assertEquals(1, failed.exit(), "an error finding fails the step: " + failed.err());
        JsonNode results = sarif(missing.resolve(sarifFile));
        assertEquals("CUA001", results.get(0).get("ruleId").asText());
        assertEquals("mainTemplate.json", results.get(0).get("locations").get(0).get("physicalLocation")
                .get("artifactLocation").get("uri").asText());
    }

    @Test
    void theAzurePipelineScansAndPublishesSarif() throws Exception {
        Map<String, Object> pipeline = yaml(PROJECT.resolve("examples/ci/azure-pipelines.yml"));
        List<Map<String, Object>> steps = list(pipeline.get("steps"));
        buildStepMatchesThisBuild((String) steps.stream().filter(s -> "Build the attribution command line".equals(s.get("displayName")))
                .findFirst().orElseThrow().get("script"));
        Map<String, Object> publish = steps.stream().filter(s -> String.valueOf(s.get("task")).startsWith("PublishBuildArtifacts@"))
                .findFirst().orElseThrow();
        assertEquals("always()", publish.get("condition"));
        assertEquals("CodeAnalysisLogs", ((Map<String, Object>) publish.get("inputs")).get("artifactName"));
        String script = (String) steps.stream().filter(s -> "Scan the templates".equals(s.get("displayName")))
                .findFirst().orElseThrow().get("script");

        Path missing = tree("missing", UNTRACKED);
        Path staging = Files.createDirectories(work.resolve("staging"));
        // Azure Pipelines replaces $(...) macros before the shell runs the script
        String run = script.replace("$(Build.ArtifactStagingDirectory)", staging.toString());
        assertFalse(run.contains("$("), run);
        CliProcessIT.Result failed = sh(run, missing, Map.of("JAVA_HOME_17_X64", System.getProperty("java.home")));
        assertEquals(1, failed.exit(), failed.err());
        assertEquals("CUA001", sarif(staging.resolve("CodeAnalysisLogs/attribution.sarif")).get(0).get("ruleId").asText());
    }

    @Test
    void thePreCommitHookRunsTheScanOnTheRepository() throws Exception {
        List<Object> hooks = new Yaml().load(Files.readString(PROJECT.resolve(".pre-commit-hooks.yaml")));
        assertEquals(1, hooks.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> hook = (Map<String, Object>) hooks.get(0);
        assertEquals("system", hook.get("language"));
        assertEquals(false, hook.get("pass_filenames"));
        assertTrue(java.util.regex.Pattern.compile((String) hook.get("files")).matcher("infra/main.bicep").find());
        @SuppressWarnings("unchecked")
        String line = hook.get("entry") + " " + String.join(" ", (List<String>) hook.get("args"));
        assertEquals("attribution template scan .", line);
        assertEquals(0, sh(line, tree("clean", TRACKED), Map.of()).exit());
        CliProcessIT.Result failed = sh(line, tree("missing", UNTRACKED), Map.of());
        assertEquals(1, failed.exit());
        assertTrue(failed.out().contains("error CUA001"), failed.out());
    }
}
