package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.Region;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.testkit.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar as a real process: java -jar attribution-cli/target/attribution.jar ... */
class CliProcessIT {
    static final Path JAR = Paths.get(System.getProperty("attribution.jar", "target/attribution.jar"));
    static final Path CORPUS = Corpus.ROOT;
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");

    record Result(int exit, String out, String err) {
    }

    static Result java(List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return run(command, env);
    }

    /** Runs a command as a process, without the machine's own attribution settings, with {@code env} added. */
    static Result run(List<String> command, Map<String, String> env) throws Exception {
        return run(command, env, null);
    }

    /** Runs a command as a process in {@code directory} (null: this one). */
    static Result run(List<String> command, Map<String, String> env, Path directory) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        for (String name : List.of("AZURE_ACCESS_TOKEN", "AZURE_PARTNER_ID", "ARM_PARTNER_ID",
                "AZURE_PARTNER_ATTRIBUTION_DISABLED", "AZURE_HTTP_USER_AGENT")) {
            builder.environment().remove(name); // the machine's own settings play no part
        }
        builder.environment().putAll(env);
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the CLI finished");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void guidCheck() throws Exception {
        Result r = java(List.of(), Map.of(), "guid", "check", "PID-" + ID.guid().toUpperCase());
        assertEquals(0, r.exit(), r.err());
        assertEquals("ok       guid " + ID.guid() + "  token " + ID.token() + "\n", r.out());
        assertEquals(1, java(List.of(), Map.of(), "guid", "check", "eb7927c8-dd66-43e1-b0cf-c346a422063").exit());
    }

    @Test
    void templateScanOfTheWorkingFolderByDotDotSlashAndDotDot(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
        Files.writeString(dir.resolve("main.json"), "{ \"$schema\": \"" + schema + "\", \"resources\": [ { \"type\":"
                + " \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"" + ID.token()
                + "\", \"properties\": { \"mode\": \"Incremental\", \"template\": { \"resources\": [] } } },"
                + " { \"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\":"
                + " \"net\", \"properties\": { \"mode\": \"Incremental\", \"templateLink\": { \"relativePath\":"
                + " \"network.json\" } } } ] }\n");
        Files.writeString(dir.resolve("network.json"), "{ \"$schema\": \"" + schema + "\", \"resources\": [] }\n");
        Files.createDirectories(dir.resolve("sub"));
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String jar = JAR.toAbsolutePath().toString();
        for (List<String> at : List.of(List.of(".", ""), List.of("./", ""), List.of("..", "sub"))) {
            Result r = run(List.of(java, "-jar", jar, "template", "scan", at.get(0)), Map.of(), dir.resolve(at.get(1)));
            assertEquals(0, r.exit(), at + ": " + r.out() + r.err());
            assertTrue(r.out().contains("main  main.json  ok") && r.out().contains("linked  network.json  ok"),
                    at + ": " + r.out());
        }
    }

    @Test
    void templateCheckOnTheCorpus() throws Exception {
        Corpus.root();
        Result r = java(List.of(), Map.of(), "template", "check", "--properties",
                CORPUS.resolve("weblogic-admin/pid.properties").toString(),
                CORPUS.resolve("weblogic-admin/mainTemplate.json").toString(),
                CORPUS.resolve("weblogic-admin/nestedtemplates/_dbTemplate.json").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("2 templates checked: 0 errors"), r.out());
        Result alz = java(List.of(), Map.of(), "template", "check", CORPUS.resolve("alz/mgmtGroups.json").toString());
        assertEquals(1, alz.exit());
        assertTrue(alz.out().contains("error CUA001"), alz.out());
    }

    @Test
    void verifyAgainstTheArmEmulatorWithAnAccessToken() throws Exception {
        try (ArmEmulator arm = ArmEmulator.start()) {
            deploySolution(arm);
            List<String> trust = trusting(arm);
            arm.reset();
            deploySolution(arm);
            int before = arm.requests().size();
            PartnerId ours = PartnerId.parse("3d4e5f60-7182-4c9d-8e0f-1a2b3c4d5e6f");
            Result r = java(trust, Map.of("AZURE_ACCESS_TOKEN", "test-token", "AZURE_PARTNER_ID", ours.guid()), "verify",
                    "--subscription", ArmEmulator.DEFAULT_SUBSCRIPTION_ID, "--resource-group", "contoso-rg",
                    "--pid", ID.guid(), "--endpoint", arm.endpoint(), "--format", "json");
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("\"found\":true"), r.out());
            assertTrue(r.out().contains("Microsoft.Storage/storageAccounts/clistore"), r.out());
            // The tool's own reads carry its User-Agent and the partner id configured for this user, never the id
            // being checked (someone else's, possibly).
            List<io.github.partnerattribution.test.RecordedRequest> reads = arm.requests().subList(before,
                    arm.requests().size());
            assertTrue(reads.size() >= 3, reads.toString());
            for (io.github.partnerattribution.test.RecordedRequest read : reads) {
                assertTrue(read.userAgent().contains(" partner-attribution-cli/"), read.userAgent());
                assertTrue(read.userAgent().endsWith(" " + ours.token()), read.userAgent());
                assertTrue(!read.userAgent().contains(ID.token()), read.userAgent());
            }

            Result missing = java(trust, Map.of("AZURE_ACCESS_TOKEN", "test-token"), "verify",
                    "--subscription", ArmEmulator.DEFAULT_SUBSCRIPTION_ID, "--resource-group", "contoso-rg",
                    "--pid", "2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e", "--endpoint", arm.endpoint());
            assertEquals(1, missing.exit(), missing.out() + missing.err());
            assertTrue(missing.out().startsWith("Not found: no deployment named pid-2c3d4e5f"), missing.out());
        }
    }

    /** Bad zero-code settings in the environment never break the CLI's own clients (they used to exit 1). */
    @Test
    void verifyWorksWhateverTheEnvironmentsAttributionSettingsHold() throws Exception {
        try (ArmEmulator arm = ArmEmulator.start()) {
            deploySolution(arm);
            List<String> trust = trusting(arm);
            String[] verify = {"verify", "--subscription", ArmEmulator.DEFAULT_SUBSCRIPTION_ID, "--resource-group",
                    "contoso-rg", "--pid", ID.guid(), "--endpoint", arm.endpoint(), "--format", "json"};
            arm.reset();
            deploySolution(arm);
            Result badIds = java(trust, Map.of("AZURE_ACCESS_TOKEN", "test-token", "AZURE_PARTNER_ID", "bogus",
                    "ARM_PARTNER_ID", "zz"), verify);
            assertEquals(0, badIds.exit(), badIds.out() + badIds.err());
            assertTrue(badIds.out().contains("\"found\":true"), badIds.out());
            assertTrue(badIds.err().startsWith("attribution: warning: "), badIds.err());
            assertTrue(badIds.err().contains("this tool's own requests carry no partner id"), badIds.err());

            Result unclearOptOut = java(trust, Map.of("AZURE_ACCESS_TOKEN", "test-token",
                    "AZURE_PARTNER_ATTRIBUTION_DISABLED", "maybe"), verify);
            assertEquals(0, unclearOptOut.exit(), unclearOptOut.out() + unclearOptOut.err());
            assertTrue(unclearOptOut.out().contains("\"found\":true"), unclearOptOut.out());
        }
    }

    @Test
    void verifyAtManagementGroupScope() throws Exception {
        try (ArmEmulator arm = ArmEmulator.start()) {
            var client = java.net.http.HttpClient.newBuilder().sslContext(arm.sslContext()).build();
            send(client, arm.endpoint() + "providers/Microsoft.Management/managementGroups/contoso-platform/providers/"
                    + "Microsoft.Resources/deployments/alz?api-version=2021-04-01", "{\"location\":\"westeurope\","
                    + "\"properties\":{\"mode\":\"Incremental\",\"template\":{\"resources\":["
                    + "{\"type\":\"Microsoft.Management/managementGroups\",\"name\":\"contoso-landing-zones\"},"
                    + "{\"type\":\"Microsoft.Resources/deployments\",\"name\":\"" + ID.token() + "\",\"location\":"
                    + "\"westeurope\",\"properties\":{\"mode\":\"Incremental\",\"template\":{\"resources\":[]}}}]}}}");
            Result r = java(trusting(arm), Map.of("AZURE_ACCESS_TOKEN", "test-token"), "verify", "--management-group",
                    "contoso-platform", "--pid", ID.guid(), "--endpoint", arm.endpoint(), "--format", "json");
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("\"found\":true") && r.out().contains("contoso-landing-zones"), r.out());
        }
    }

    @Test
    void partnerAdminLinkThroughTheEmulatorAndAGuidToldApart() throws Exception {
        try (ArmEmulator arm = ArmEmulator.start()) {
            List<String> trust = trusting(arm);
            Map<String, String> token = Map.of("AZURE_ACCESS_TOKEN", "test-token");
            Result link = java(trust, token, "pal", "link", "--partner-id", "1234567", "--endpoint", arm.endpoint());
            assertEquals(0, link.exit(), link.out() + link.err());
            assertTrue(link.out().startsWith("Linked: Partner ID 1234567 (Partner 1234567), state Active"), link.out());
            Result show = java(trust, token, "pal", "show", "--endpoint", arm.endpoint());
            assertEquals(0, show.exit(), show.out() + show.err());
            Result unlink = java(trust, token, "pal", "unlink", "--partner-id", "1234567", "--endpoint", arm.endpoint());
            assertEquals("Unlinked from Partner ID 1234567.", unlink.out().trim(), unlink.err());
            Result none = java(trust, token, "pal", "show", "--endpoint", arm.endpoint());
            assertEquals(1, none.exit());
            assertEquals("Not linked to any Partner ID.", none.out().trim());
            // without --partner-id, unlink removes whichever link there is
            assertEquals(0, java(trust, token, "pal", "link", "--partner-id", "7654321", "--endpoint", arm.endpoint()).exit());
            Result unlinkAny = java(trust, token, "pal", "unlink", "--endpoint", arm.endpoint());
            assertEquals("Unlinked from Partner ID 7654321.", unlinkAny.out().trim(), unlinkAny.err());
            Result nothing = java(trust, token, "pal", "unlink", "--endpoint", arm.endpoint());
            assertEquals(0, nothing.exit(), nothing.err());
            assertEquals("Not linked to any Partner ID; nothing to remove.", nothing.out().trim());

            Result guid = java(trust, token, "pal", "link", "--partner-id", ID.guid(), "--endpoint", arm.endpoint());
            assertEquals(1, guid.exit());
            assertTrue(guid.err().contains("is a GUID: a tracking GUID of customer usage attribution"), guid.err());
        }
    }

    /** JVM options under which the CLI trusts the emulator's certificate. */
    static List<String> trusting(ArmEmulator arm) {
        return List.of("-Djavax.net.ssl.trustStore=" + arm.trustStore(), "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=" + ArmEmulator.TRUST_STORE_PASSWORD);
    }

    /** A resource group and a deployment with the tracking resource, made over plain HTTPS. */
    static void deploySolution(ArmEmulator arm) throws Exception {
        var client = java.net.http.HttpClient.newBuilder().sslContext(arm.sslContext()).build();
        String sub = arm.endpoint() + "subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID;
        send(client, sub + "/resourcegroups/contoso-rg?api-version=2021-04-01", "{\"location\":\"" + Region.EUROPE_WEST.name() + "\"}");
        send(client, sub + "/resourcegroups/contoso-rg/providers/Microsoft.Resources/deployments/solution?api-version=2021-04-01",
                "{\"properties\":{\"mode\":\"Incremental\",\"template\":{\"resources\":["
                        + "{\"type\":\"Microsoft.Storage/storageAccounts\",\"name\":\"clistore\"},"
                        + "{\"type\":\"Microsoft.Resources/deployments\",\"name\":\"" + ID.token() + "\",\"properties\":{\"mode\":\"Incremental\",\"template\":{\"resources\":[]}}}]}}}");
    }

    static void send(java.net.http.HttpClient client, String url, String body) throws IOException, InterruptedException {
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer t").header("User-Agent", "setup " + ID.token())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.body());
    }

    /** Starts every command at once as its own process and waits for all. */
    static List<Result> concurrently(List<String[]> commands) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(commands.size());
        try {
            List<java.util.concurrent.Future<Result>> started = new ArrayList<>();
            for (String[] args : commands) {
                started.add(pool.submit(() -> java(List.of(), Map.of(), args)));
            }
            List<Result> results = new ArrayList<>();
            for (java.util.concurrent.Future<Result> f : started) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyConcurrentRegistryAddsLeaveTwentyEntriesAndEveryReportedOneIsThere(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("pid.properties");
        List<String[]> adds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            adds.add(new String[] {"registry", "add", "--file", file.toString(), "--offer", "offer" + i, "--channel", "github"});
        }
        for (Result r : concurrently(adds)) {
            assertEquals(0, r.exit(), r.out() + r.err());
        }
        io.github.partnerattribution.core.PartnerIdRegistry registry = io.github.partnerattribution.core.PartnerIdRegistry.load(file);
        assertEquals(20, registry.entries().size(), Files.readString(file));

        List<String[]> sameKey = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sameKey.add(new String[] {"registry", "add", "--file", file.toString(), "--offer", "shared", "--channel", "github"});
        }
        List<Result> results = concurrently(sameKey);
        List<Result> added = results.stream().filter(r -> r.exit() == 0).collect(java.util.stream.Collectors.toList());
        assertEquals(1, added.size(), results.toString());
        String guid = added.get(0).out().split("=")[1].split(" ")[0];
        assertEquals(PartnerId.parse(guid), io.github.partnerattribution.core.PartnerIdRegistry.load(file).get("shared.github"),
                "the one addition reported is the one in the file");
        for (Result r : results) {
            if (r.exit() != 0) {
                assertEquals(1, r.exit(), r.out() + r.err());
                assertTrue(r.out().contains("is already there") && r.out().contains("nothing was added"), r.out());
            }
        }
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.collect(java.util.stream.Collectors.toList()), "no temp file left behind");
        }
    }

    @Test
    void twentyConcurrentIdenticalTemplateAddsAllSucceedAndOneWrites(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("mainTemplate.json"), "{\n  \"$schema\": \"https://schema.management.azure.com/"
                + "schemas/2019-04-01/deploymentTemplate.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"resources\": []\n}\n");
        List<String[]> adds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            adds.add(new String[] {"template", "add", "--pid", ID.guid(), file.toString()});
        }
        List<Result> results = concurrently(adds);
        for (Result r : results) {
            assertEquals(0, r.exit(), r.out() + r.err());
        }
        assertEquals(1, results.stream().filter(r -> r.out().startsWith("added")).count(), results.toString());
        assertEquals(1, Files.readString(file).split(java.util.regex.Pattern.quote(ID.token()), -1).length - 1);
    }

    @Test
    void runningOutOfMemoryIsOneLineThatSaysHowToGiveMoreNotAStackTrace(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        StringBuilder text = new StringBuilder("{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
                + "deploymentTemplate.json#\", \"resources\": [\n");
        for (int i = 0; text.length() < 40 * 1024 * 1024; i++) { // 40 MB: under the 64 MB a check reads at all
            text.append(i == 0 ? "" : ",\n").append("{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\":"
                    + " \"2023-01-01\", \"name\": \"s").append(i).append("\", \"location\": \"westeurope\"}");
        }
        Path file = Files.writeString(dir.resolve("mainTemplate.json"), text.append("\n]}\n"));
        Result r = java(List.of("-Xmx24m", "-XX:-HeapDumpOnOutOfMemoryError"), Map.of(), "template", "check",
                file.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("attribution: out of memory") && r.err().contains("ATTRIBUTION_OPTS=-Xmx")
                && r.err().strip().lines().count() == 1, r.err());
    }
}
