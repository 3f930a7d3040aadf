package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.PartnerIdRegistry;
import io.github.partnerattribution.testkit.Corpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command in-process, good and bad input, exit codes and output. */
class CliTest {
    static final String ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    static final Path CORPUS = Corpus.ROOT;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = AttributionCli.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return new Run(exit, out.toString(), err.toString());
    }

    Path template(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n"
                + "  \"contentVersion\": \"1.0.0.0\",\n  \"resources\": [\n    {\n      \"type\": \"Microsoft.Storage/storageAccounts\",\n"
                + "      \"name\": \"s\"\n    }\n  ]\n}\n");
        return file;
    }

    @Test
    void guidNewPrintsLowerCaseVersion4Guids() {
        Run r = run("guid", "new", "--count", "3");
        assertEquals(0, r.exit());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size());
        lines.forEach(line -> assertEquals(line, PartnerId.parse(line).guid()));
        assertEquals(1, run("guid", "new", "--count", "0").exit());
        assertEquals(2, run("guid", "new", "--count", "many").exit());
    }

    @Test
    void guidCheckPrintsTheCanonicalFormsOrThePreciseProblem() {
        Run ok = run("guid", "check", "{" + ID.toUpperCase() + "}");
        assertEquals(0, ok.exit());
        assertEquals("ok       guid " + ID + "  token pid-" + ID + "\n", ok.out());
        Run bad = run("guid", "check", ID, "eb7927c8-dd66-43e1-b0cf-c346a422063");
        assertEquals(1, bad.exit());
        assertTrue(bad.out().contains("invalid  \"eb7927c8-dd66-43e1-b0cf-c346a422063\": group 5 has 11 hex digits; it needs 12"), bad.out());
        assertEquals(2, run("guid", "check").exit(), "a value is required");
    }

    @Test
    void templateAddCheckRemoveWithADryRunDiff() throws IOException {
        Path file = template("mainTemplate.json");
        Run before = run("template", "check", file.toString());
        assertEquals(1, before.exit());
        assertTrue(before.out().contains("error CUA001"), before.out());

        byte[] original = Files.readAllBytes(file);
        Run dry = run("template", "add", "--dry-run", "--pid", ID, file.toString());
        assertEquals(0, dry.exit());
        assertTrue(dry.out().startsWith("--- a/"), dry.out());
        assertTrue(dry.out().contains("\n+    {\n+      \"type\": \"Microsoft.Resources/deployments\",\n"), dry.out());
        assertArrayEquals(original, Files.readAllBytes(file), "a dry run writes nothing");

        assertEquals("added pid-" + ID + " to " + file + "\n", run("template", "add", "--pid", ID, file.toString()).out());
        assertEquals(0, run("template", "check", file.toString()).exit());
        assertEquals("unchanged: " + file + "\n", run("template", "add", "--pid", ID, file.toString()).out());
        Run replace = run("template", "replace", "--pid", "2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e", file.toString());
        assertEquals(0, replace.exit(), replace.err());
        assertEquals(0, run("template", "remove", "--pid", "2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e", file.toString()).exit());
        assertArrayEquals(original, Files.readAllBytes(file));
        assertTrue(run("template", "add", "--pid", ID, "--api-version", "2019-10-01", file.toString()).exit() == 0);
        assertTrue(Files.readString(file).contains("\"apiVersion\": \"2019-10-01\""));
    }

    @Test
    void templateErrorsAreOneLineWithTheRightExitCode() throws IOException {
        Run missing = run("template", "check", dir.resolve("nope.json").toString());
        assertEquals(2, missing.exit());
        assertEquals("attribution: no such file: " + dir.resolve("nope.json") + "\n", missing.err());

        Path nested = template("nestedtemplates/db.json");
        Run refused = run("template", "add", "--pid", ID, nested.toString());
        assertEquals(1, refused.exit());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("this is a nested template"), refused.err());
        assertFalse(refused.err().contains("\tat "), "no stack trace without --debug");

        Run badPid = run("template", "add", "--pid", "pid-pid-" + ID, nested.toString());
        assertEquals(1, badPid.exit());
        assertTrue(badPid.err().startsWith("attribution: Not a partner id: \"pid-pid-"), badPid.err());

        Run debug = run("--debug", "template", "add", "--pid", ID, nested.toString());
        assertTrue(debug.err().contains("\tat io.github.partnerattribution"), "--debug shows the stack trace");

        Run usage = run("template", "add", nested.toString());
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("Missing required option: '--pid=<pid>'"), usage.err());
    }

    @Test
    void templateScanOnTheCorpusInEveryFormat() throws IOException {
        Corpus.root();
        String props = CORPUS.resolve("weblogic-admin/pid.properties").toString();
        Run text = run("template", "scan", "--properties", props, CORPUS.resolve("weblogic-admin").toString());
        assertEquals(0, text.exit(), text.out());
        assertTrue(text.out().contains("main  mainTemplate.json"), text.out());
        // The whole corpus: templates are found by content, so ALZ's and AVM's are mains without tracking.
        Run withAlz = run("template", "scan", "--main", "mgmtGroups.json", "--format", "json", CORPUS.toString());
        assertEquals(1, withAlz.exit(), "ALZ's template has no tracking resource");
        JsonNode json = JSON.readTree(withAlz.out());
        assertEquals(6, json.get("templates").size());
        Run sarif = run("template", "scan", "--format", "sarif", CORPUS.toString());
        assertEquals("2.1.0", JSON.readTree(sarif.out()).get("version").asText());
        assertEquals(2, run("template", "scan", dir.resolve("absent").toString()).exit());
    }

    @Test
    void noticeInBothKindsAndFormats() {
        Run text = run("notice", "--partner", "Contoso");
        assertEquals(0, text.exit());
        assertTrue(text.out().contains("When you deploy this template"), text.out());
        Run md = run("notice", "--partner", "Contoso", "--kind", "sdk", "--format", "markdown");
        assertTrue(md.out().startsWith("### ") && md.out().contains("`AZURE_PARTNER_ATTRIBUTION_DISABLED=true`"), md.out());
        assertEquals(1, run("notice", "--partner", " ").exit());
        assertEquals(2, run("notice", "--partner", "Contoso", "--kind", "cli").exit());
    }

    @Test
    void userAgentLineForEachShell() {
        String token = "pid-" + ID;
        assertEquals("case \" ${AZURE_HTTP_USER_AGENT-} \" in *\" " + token + " \"*) ;; *) export AZURE_HTTP_USER_AGENT="
                + "\"${AZURE_HTTP_USER_AGENT:+$AZURE_HTTP_USER_AGENT }" + token + "\";; esac\n", run("user-agent", "--pid", ID).out());
        assertEquals("if (\" $env:AZURE_HTTP_USER_AGENT \" -notlike \"* " + token + " *\") { $env:AZURE_HTTP_USER_AGENT ="
                + " (\"$env:AZURE_HTTP_USER_AGENT " + token + "\").Trim() }\n",
                run("user-agent", "--pid", "PID-" + ID.toUpperCase(), "--shell", "powershell").out());
        assertEquals("if defined AZURE_HTTP_USER_AGENT (echo %AZURE_HTTP_USER_AGENT% | find /i \"" + token + "\" >nul || set"
                + " \"AZURE_HTTP_USER_AGENT=%AZURE_HTTP_USER_AGENT% " + token + "\") else set \"AZURE_HTTP_USER_AGENT=" + token
                + "\"\n", run("user-agent", "--pid", ID, "--shell", "cmd").out());
        Run bad = run("user-agent", "--pid", ID + "0");
        assertEquals(1, bad.exit());
        assertEquals("", bad.out(), "nothing to paste when the id is invalid");
    }

    @Test
    void registryAddListCheck() throws IOException {
        Path file = dir.resolve("pid.properties");
        Run add = run("registry", "add", "--file", file.toString(), "--offer", "backup", "--channel", "marketplace",
                "--description", "Contoso Backup in Azure Marketplace");
        assertEquals(0, add.exit(), add.err());
        String guid = PartnerIdRegistry.load(file).get("backup.marketplace").guid();
        assertTrue(add.out().endsWith(guid + "\tContoso Backup in Azure Marketplace\n"), add.out());
        run("registry", "add", "--file", file.toString(), "--offer", "backup", "--channel", "github", "--sku", "premium");
        Run list = run("registry", "list", "--file", file.toString());
        assertTrue(list.out().contains(String.format("%-21s  %s  %s", "backup.marketplace", guid, "Contoso Backup in Azure Marketplace")), list.out());
        assertTrue(list.out().contains("backup.github.premium"), list.out());
        assertEquals("ok: 2 entries in " + file + "\n", run("registry", "check", "--file", file.toString()).out());

        Run again = run("registry", "add", "--file", file.toString(), "--offer", "backup", "--channel", "marketplace");
        assertEquals(1, again.exit());
        // The real line of the key, and that nothing was added (it used to name a line that did not exist).
        assertTrue(again.out().contains("key \"backup.marketplace\" is already there (line 2, " + guid
                + "); nothing was added"), again.out());
        assertEquals(2, run("registry", "check", "--file", dir.resolve("absent.properties").toString()).exit());
    }

    @Test
    void registryCheckFindsTheRealPartnersMalformedValues() {
        Corpus.root();
        Run check = run("registry", "check", "--file", CORPUS.resolve("weblogic-admin/pid.properties").toString());
        assertEquals(1, check.exit());
        assertTrue(check.out().endsWith("3 problems\n"), check.out());
    }

    @Test
    void verifyRejectsBadInputBeforeAnyCall() {
        Run badPid = run("verify", "--subscription", "s", "--resource-group", "rg", "--pid", "nope");
        assertEquals(1, badPid.exit());
        assertTrue(badPid.err().startsWith("attribution: Not a partner id: \"nope\""), badPid.err());
        Run http = run("verify", "--subscription", "s", "--pid", ID, "--endpoint", "http://127.0.0.1:1/");
        assertEquals(1, http.exit());
        assertTrue(http.err().contains("is not an https URL"), http.err());
        Run noScope = run("verify", "--pid", ID);
        assertEquals(1, noScope.exit());
        assertTrue(noScope.err().contains("--subscription ID (with --resource-group NAME for a resource group),"
                + " --management-group ID, or --tenant; one of them"), noScope.err());
        assertEquals(1, run("verify", "--tenant", "--management-group", "mg", "--pid", ID).exit(), "one scope");
        assertEquals(1, run("verify", "--tenant", "--resource-group", "rg", "--pid", ID).exit(), "a group needs a sub");
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Exit codes: 0 ok, 1 findings or invalid input, 2 usage or I/O error."));
        for (String command : List.of("guid", "template", "verify", "notice", "user-agent", "registry")) {
            assertTrue(help.out().contains(command), command);
        }
        Run add = run("template", "add", "--help");
        assertTrue(add.out().contains("Examples:\n  attribution template add mainTemplate.json \\\n"), add.out());
        assertEquals(0, run("--version").exit());
        assertTrue(new String(run("--version").out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).startsWith("attribution "));
    }

    @Test
    void errorLinesEscapeTextFromOutside() {
        String line = AttributionCli.oneLine(Failure.invalidInput("bad \u001b]0;title\u0007 name"));
        assertEquals("bad \\u001B]0;title\\u0007 name", line);
    }

    @Test
    void registryListEscapesControlCharactersFromTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("pid.properties"),
                "# backup \u001b]0;pwned\u0007 offer\nbackup=" + ID + "\n");
        Run list = run("registry", "list", "--file", file.toString());
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("backup \\u001B]0;pwned\\u0007 offer"), list.out());
        assertTrue(list.out().chars().noneMatch(c -> c == 0x1b || c == 0x07), list.out());
    }

    @Test
    void debugWorksAfterTheSubcommandToo() {
        Path missing = dir.resolve("absent.json");
        for (String[] args : List.of(new String[] {"--debug", "template", "check", missing.toString()},
                new String[] {"template", "check", "--debug", missing.toString()},
                new String[] {"template", "check", missing.toString(), "--debug"})) {
            Run r = run(args);
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith("attribution: no such file: " + missing), r.err());
            assertTrue(r.err().contains("\tat "), "a stack trace for " + String.join(" ", args) + ": " + r.err());
        }
        assertFalse(run("template", "check", missing.toString()).err().contains("\tat "));
    }

    @Test
    void anEndpointWithAUserNameOrABadPortIsNamedAsSuch() {
        Run r = run("verify", "--subscription", "s", "--pid", ID, "--endpoint", "https://127.0.0.1:18451@evil/");
        assertEquals(1, r.exit(), r.err());
        assertEquals("attribution: --endpoint \"https://127.0.0.1:18451@evil/\" is not an https URL such as"
                + " https://management.azure.com/: it may hold no user name, query or fragment\n", r.err());
        Run port = run("verify", "--subscription", "s", "--pid", ID, "--endpoint", "https://host:99999999999/");
        assertEquals(1, port.exit(), port.err());
        assertTrue(port.err().startsWith("attribution: --endpoint \"https://host:99999999999/\" is not an https URL"),
                port.err());
    }

    @Test
    void aFifoGivenAsATemplateIsNamedNotCalledMissing() throws Exception {
        Path fifo = dir.resolve("pipe.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is there");
        for (String command : List.of("check", "add")) {
            Run r = command.equals("check") ? run("template", "check", fifo.toString())
                    : run("template", "add", "--pid", ID, fifo.toString());
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith("attribution: " + fifo + " is not a regular file"), r.err());
        }
    }

    @Test
    void aFolderGivenAsTheFileIsNamed() {
        Run r = run("template", "add", "--pid", ID, dir.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("attribution: " + dir + " is a directory, not a file; nothing was read or changed\n", r.err());
    }

    @Test
    void aReadOnlyTemplateNeedsForce() throws IOException {
        Path file = template("mainTemplate.json");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        Run refused = run("template", "add", "--pid", ID, file.toString());
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains("is read-only (mode r--r--r--); nothing was changed. Pass --force"),
                refused.err());
        Run forced = run("template", "add", "--force", "--pid", ID, file.toString());
        assertEquals(0, forced.exit(), forced.err());
        assertEquals("r--r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void registryAddNamesTheBadArgumentOrTheRealLineAndSaysNothingWasAdded() throws IOException {
        Path file = dir.resolve("pid.properties");
        assertEquals(0, run("registry", "add", "--file", file.toString(), "--offer", "backup", "--channel", "github").exit());
        byte[] before = Files.readAllBytes(file);
        Run again = run("registry", "add", "--file", file.toString(), "--offer", "backup", "--channel", "github");
        assertEquals(1, again.exit(), again.err());
        assertTrue(again.out().contains("key \"backup.github\" is already there (line 1, "), again.out());
        assertTrue(again.out().contains("nothing was added"), again.out());
        Run badOffer = run("registry", "add", "--file", file.toString(), "--offer", "back up", "--channel", "github");
        assertEquals(1, badOffer.exit(), badOffer.err());
        assertTrue(badOffer.err().startsWith("attribution: --offer \"back up\" is not valid"), badOffer.err());
        assertTrue(badOffer.err().contains("nothing was added"), badOffer.err());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void templateRulesListsEveryCodeOfTheCatalogue() {
        Run r = run("template", "rules");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = List.of(r.out().split("\n"));
        assertEquals(io.github.partnerattribution.templates.ArmTemplates.rules().size(), lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("CUA001  error    MissingTrackingResource"), lines.get(0));
        assertTrue(lines.get(16).startsWith("CUA017  error    NotATemplate"), lines.get(16));
        assertTrue(run("template", "rules", "--verbose").out().contains("Fix: "));
        Run page = run("template", "rules", "cua003");
        assertEquals(0, page.exit(), page.err());
        assertTrue(page.out().startsWith("# CUA003 TrackingResourceNotInMainTemplate\n") && page.out().contains("## The fix"),
                page.out());
        Run unknown = run("template", "rules", "CUA999");
        assertEquals(2, unknown.exit(), unknown.err());
        List<io.github.partnerattribution.templates.Rule> rules = io.github.partnerattribution.templates.ArmTemplates.rules();
        assertTrue(unknown.err().contains("no rule \"CUA999\": the codes are CUA001 to "
                + rules.get(rules.size() - 1).code()), unknown.err());
    }

    @Test
    void templateCheckOfAMarketplacePackageReadsItAsPartnerCenterDoes() throws IOException {
        String schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
        String main = "{ \"$schema\": \"" + schema + "\", \"resources\": [ { \"type\": \"Microsoft.Resources/deployments\","
                + " \"apiVersion\": \"2025-04-01\", \"name\": \"net\", \"properties\": { \"mode\": \"Incremental\","
                + " \"templateLink\": { \"relativePath\": \"nested/net.json\" } } } ] }\n";
        Path zip = dir.resolve("offer.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String[] entry : new String[][] {{"mainTemplate.json", main}, {"nested/net.json", "{ \"$schema\": \""
                    + schema + "\", \"resources\": [] }\n"}, {"createUiDefinition.json", "{ \"$schema\": \"https://"
                    + "schema.management.azure.com/schemas/0.1.2-preview/CreateUIDefinition.MultiVm.json#\", \"handler\":"
                    + " \"Microsoft.Azure.CreateUIDef\" }\n"}}) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry[0]));
                out.write(entry[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Run r = run("template", "check", zip.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("package  ") && r.out().split("\n")[0].endsWith("/offer.zip"), r.out());
        assertTrue(r.out().contains("error CUA023: Partner Center refuses this package (AzureAppCannotAddTrackingId)"),
                r.out());
        assertTrue(r.out().contains("offer.zip!/nested/net.json  ok  no partner id\n"), r.out());
        assertTrue(r.out().contains("\n  linked  "), r.out());
    }

    @Test
    void aScanThatFindsNoTemplateSaysSoAndIsNotAPass() throws IOException {
        Files.writeString(dir.resolve("package.json"), "{ \"name\": \"x\" }\n");
        Run text = run("template", "scan", dir.toString());
        assertEquals(1, text.exit(), text.out());
        assertTrue(text.out().contains("0 templates checked") && text.out().contains("note: no deployment templates under"),
                text.out());
        Run json = run("template", "scan", "--format", "json", dir.toString());
        assertEquals(1, json.exit());
        assertTrue(json.err().startsWith("attribution: note: no deployment templates under"), json.err());
    }

    /** The bash line, run by a real bash: it keeps an existing value and is idempotent. */
    @Test
    void theBashLineKeepsAnExistingValueAndAddsTheTokenOnce() throws Exception {
        assumeTrue(Files.isExecutable(Paths.get("/bin/bash")), "bash is not here");
        String line = run("user-agent", "--pid", ID).out().trim();
        for (String[] c : new String[][] {{"", "pid-" + ID}, {"ci/1", "ci/1 pid-" + ID},
                {"ci/1 pid-" + ID + " x", "ci/1 pid-" + ID + " x"}}) {
            ProcessBuilder bash = new ProcessBuilder("/bin/bash", "-c", line + "; " + line + "; printf %s \"$AZURE_HTTP_USER_AGENT\"");
            bash.environment().remove("AZURE_HTTP_USER_AGENT");
            if (!c[0].isEmpty()) {
                bash.environment().put("AZURE_HTTP_USER_AGENT", c[0]);
            }
            Process p = bash.redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertEquals(c[1], out, "from " + c[0]);
        }
    }

    @Test
    void doctorShowsTheEffectiveConfigurationAndFailsNamingAnInvalidSetting() {
        java.util.function.Supplier<java.util.Map<String, String>> real = DoctorCommand.environment;
        try {
            DoctorCommand.environment = () -> java.util.Map.of("AZURE_PARTNER_ID", ID);
            Run ok = run("doctor");
            assertEquals(0, ok.exit(), ok.err());
            assertTrue(ok.out().contains("Partner id:        pid-" + ID + " (from the environment variable AZURE_PARTNER_ID)"),
                    ok.out());
            assertTrue(ok.out().contains("Zero-code mode:    on the class path, active"), ok.out());
            assertTrue(ok.out().matches("(?s).*User-Agent: +azsdk-java-com\\.azure\\.resourcemanager\\.resources/\\S+ \\(.*\\)"
                    + " pid-" + ID + "\n.*"), ok.out());

            DoctorCommand.environment = () -> java.util.Map.of("AZURE_PARTNER_ID", "not-a-guid\u001b[31m");
            Run bad = run("doctor");
            assertEquals(1, bad.exit());
            assertTrue(bad.err().startsWith("attribution: ") && bad.err().contains("AZURE_PARTNER_ID"), bad.err());
            assertFalse(bad.out().contains("\u001b") || bad.err().contains("\u001b"), "escaped: " + bad.err());
        } finally {
            DoctorCommand.environment = real;
        }
    }

    /** A run builds only the subcommand it names; help and an unknown word still see every one. */
    @Test
    void aRunBuildsTheSubcommandItNamesAndHelpListsThemAll() {
        assertEquals(java.util.Set.of("guid"), AttributionCli.commandLine("--debug", "guid", "check", ID)
                .getSubcommands().keySet());
        assertEquals(java.util.Set.of("guid", "template", "verify", "notice", "user-agent", "registry", "doctor", "pal", "emulator"),
                AttributionCli.commandLine("--help").getSubcommands().keySet());
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("  pal "), help.out());
        Run unknown = run("nonsense");
        assertEquals(2, unknown.exit(), unknown.err());
        Run debugAfter = run("guid", "check", "nope", "--debug");
        assertEquals(1, debugAfter.exit(), debugAfter.err());
    }
}
