package io.github.partnerattribution.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The service-side CI recipes in examples/ci, parsed as GitHub Actions and Azure Pipelines read them; then their shell
 * steps run, as they are, by {@code sh} in a partner's service (the README's project and test, src/it/readme-project):
 * the service whose clients are attributed passes, and the same service with one client left untagged fails the step.
 * Maven runs offline on the local repository the invoker run filled, so nothing is fetched.
 */
class ServiceRecipesIT {
    static final Path CI = Paths.get("ci").toAbsolutePath();
    static final Path PROJECT = Paths.get("src/it/readme-project").toAbsolutePath();
    static final Path LOCAL_REPO = Paths.get(System.getProperty("it.localRepo", "target/local-repo")).toAbsolutePath();
    static final String REPORT = "target/surefire-reports/TEST-com.contoso.provisioning.TestYourAttributionTest.xml";

    @TempDir
    Path work;

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String name) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(CI.resolve(name), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    /** The README's project, as the invoker builds it, with Maven pointed at the filled local repository, offline. */
    Path service(String name, boolean tagged) throws IOException {
        Path root = work.resolve(name);
        try (Stream<Path> files = Files.walk(PROJECT)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = root.resolve(PROJECT.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    String text = Files.readString(from, StandardCharsets.UTF_8)
                            .replace("@project.version@", System.getProperty("project.version"));
                    if (!tagged) {
                        text = text.replace("clients\n                    .configure(AzureResourceManager.configure()",
                                "(AzureResourceManager.configure()");
                    }
                    Files.writeString(to, text, StandardCharsets.UTF_8);
                }
            }
        }
        Path config = Files.createDirectories(root.resolve(".mvn")).resolve("maven.config");
        // the invoker's run filled the repository from another repository id than central: read it as a plain one
        Files.writeString(config, "--offline\n--legacy-local-repository\n-Dmaven.repo.local=" + LOCAL_REPO + "\n",
                StandardCharsets.UTF_8);
        return root;
    }

    /** Runs one step's shell text in {@code dir} as the CI's shell would, with this JDK as the runner's. */
    static int sh(String script, Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-e", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("step.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AZURE_") || name.startsWith("ARM_") || name.startsWith("MAVEN_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_HOME_17_X64", System.getProperty("java.home"));
        return builder.start().waitFor();
    }

    void runsAndFailsAsTheServiceDoes(String recipe, String script) throws Exception {
        Path good = service(recipe + "-tagged", true);
        assertEquals(0, sh(script, good), recipe + ": " + Files.readString(good.resolve("step.log")));
        String suite = Files.readString(good.resolve(REPORT));
        assertTrue(suite.contains("tests=\"1\"") && suite.contains("failures=\"0\"") && suite.contains("errors=\"0\""),
                suite);
        Path bad = service(recipe + "-untagged", false);
        assertNotEquals(0, sh(script, bad), recipe + ": the step passed with an untagged client");
        assertTrue(Files.readString(bad.resolve(REPORT)).contains("failures=\"1\""), recipe);
    }

    @Test
    void gitHubActionsRunsTheServicesAttributionTest() throws Exception {
        Map<String, Object> workflow = yaml("service-github-actions.yml");
        assertEquals(Map.of("contents", "read"), workflow.get("permissions"));
        @SuppressWarnings("unchecked")
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("attribution-test");
        List<Map<String, Object>> steps = list(job.get("steps"));
        List<String> uses = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (Map<String, Object> step : steps) {
            if (step.containsKey("uses")) {
                uses.add((String) step.get("uses"));
            }
            if (step.containsKey("run")) {
                runs.add((String) step.get("run"));
            }
        }
        assertEquals(List.of("actions/checkout@v4", "actions/setup-java@v4", "actions/upload-artifact@v4"), uses);
        @SuppressWarnings("unchecked")
        Map<String, Object> java = (Map<String, Object>) steps.get(1).get("with");
        assertEquals("17", java.get("java-version"));
        assertEquals(1, runs.size(), runs.toString());
        assertFalse(runs.get(0).contains("git clone"), "the service's own build, nothing cloned");
        runsAndFailsAsTheServiceDoes("github", runs.get(0));
    }

    @Test
    void azurePipelinesRunsTheServicesAttributionTest() throws Exception {
        Map<String, Object> pipeline = yaml("service-azure-pipelines.yml");
        List<Map<String, Object>> steps = list(pipeline.get("steps"));
        List<String> scripts = new ArrayList<>();
        boolean published = false;
        for (Map<String, Object> step : steps) {
            if (step.containsKey("script")) {
                scripts.add((String) step.get("script"));
            }
            published |= "PublishTestResults@2".equals(step.get("task")) && "always()".equals(step.get("condition"));
        }
        assertTrue(published, "the test results are published, failed or not");
        assertEquals(1, scripts.size(), scripts.toString());
        runsAndFailsAsTheServiceDoes("azure", scripts.get(0));
    }
}
