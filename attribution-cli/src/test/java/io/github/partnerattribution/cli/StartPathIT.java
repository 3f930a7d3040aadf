package io.github.partnerattribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a local command loads on its way, as a real process: none of what costs a short run tens of milliseconds for
 * what it does. picocli's model of the command line, the Azure SDK, Netty and Reactor are for other commands. (Lambdas
 * and regular expressions are allowed: the start-up cache holds what they need, and the benchmarks README has what they
 * cost.) Each command here, JSON and Bicep alike, runs with {@code -Xlog:class+load}, and a class named below loaded
 * from its entry point on fails it.
 */
class StartPathIT {
    private static final String ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";

    /** Prefixes of classes a local command must not load, with why. */
    private static final Map<String, String> NOT_ON_THE_WAY = Map.of(
            "picocli.CommandLine ", "picocli (each local command has a path without it)",
            "com.azure.", "the Azure SDK",
            "io.netty.", "Netty",
            "reactor.", "Reactor");

    @TempDir
    Path temp;

    @Test
    void everyLocalCommandRunsWithoutPicocliOrTheAzureSdk() throws Exception {
        Path template = write("small/mainTemplate.json", template("pid-" + ID, ""));
        Path tree = temp.resolve("tree");
        write("tree/mainTemplate.json", template("pid-" + ID, ",\n    {\"type\": \"Microsoft.Resources/deployments\","
                + " \"apiVersion\": \"2022-09-01\", \"name\": \"db\", \"properties\": {\"mode\": \"Incremental\","
                + " \"templateLink\": {\"uri\": \"[uri(parameters('_artifactsLocation'),"
                + " concat('nestedtemplates/', variables('db')))]\"}}}"));
        write("tree/nestedtemplates/db.json", template("storage", ""));
        // Bicep as users write it: a module, a name held in a variable, a loaded file, a multi-line string
        Path bicep = write("bicep/main.bicep", "@description('''\nThe solution.\n''')\nparam location string ="
                + " resourceGroup().location\n\nvar ids = loadJsonContent('ids.json')\nvar telemetryId = 'pid-${ids.pid}'\n\n"
                + "module db 'modules/db.bicep' = {\n  name: 'db'\n  params: {\n    location: location\n  }\n}\n\n"
                + "resource pid 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: telemetryId\n  properties: {\n"
                + "    mode: 'Incremental'\n    template: {\n      resources: []\n    }\n  }\n}\n");
        write("bicep/ids.json", "{\"pid\": \"" + ID + "\"}\n");
        write("bicep/modules/db.bicep", "param location string\n\nresource store"
                + " 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'store${uniqueString(resourceGroup().id)}'\n"
                + "  location: location\n  kind: 'StorageV2'\n  sku: {\n    name: 'Standard_LRS'\n  }\n}\n");
        Path registry = write("pid.properties", "# The main offer\noffer.main=" + ID + "\r\noffer.trial=" + ID
                .replace('1', '2') + "\n");
        List<List<String>> commands = List.of(
                List.of("guid", "check", ID),
                List.of("template", "check", template.toString()),
                List.of("template", "rules"),
                List.of("user-agent", "--pid", ID),
                List.of("notice", "--partner", "Contoso"),
                List.of("registry", "list", "--file", registry.toString()),
                List.of("template", "scan", tree.toString()),
                List.of("template", "check", bicep.toString()),
                List.of("template", "scan", bicep.getParent().toString()));
        int checked = 0;
        for (List<String> command : commands) {
            Path log = temp.resolve("classes-" + checked + ".log");
            CliProcessIT.Result r = CliProcessIT.java(List.of("-Xlog:class+load:file=" + log), Map.of(),
                    command.toArray(new String[0]));
            assertEquals(0, r.exit(), command + ": " + r.out() + r.err());
            List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .map(line -> line.substring(line.indexOf("] ", line.indexOf("class,load")) + 2))
                    .collect(Collectors.toList());
            // from the tool's entry point on: what the JDK loads to start is not the tool's path
            int main = 0;
            while (main < loaded.size() && !loaded.get(main).startsWith("io.github.partnerattribution.cli.Main ")) {
                main++;
            }
            assertTrue(main < loaded.size(), "the log names no entry point: " + loaded);
            List<String> found = new ArrayList<>();
            for (String c : loaded.subList(main, loaded.size())) {
                for (Map.Entry<String, String> e : NOT_ON_THE_WAY.entrySet()) {
                    if (c.startsWith(e.getKey())) {
                        found.add(e.getValue() + ": " + c);
                    }
                }
            }
            assertEquals(List.of(), found, String.join(" ", command) + " loads what a local command should not");
            checked++;
        }
        assertEquals(commands.size(), checked);
    }

    private Path write(String name, String text) throws Exception {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** A template with a tracking deployment named {@code name}, a multi-line string, and {@code more} resources. */
    private static String template(String name, String more) {
        return "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n"
                + "  \"contentVersion\": \"1.0.0.0\",\n"
                + "  \"parameters\": {\"_artifactsLocation\": {\"type\": \"string\"}, \"prefix\": {\"type\": \"string\","
                + " \"defaultValue\": \"[if(equals(1, 1),\n 'a', 'b')]\"}},\n"
                + "  \"variables\": {\"db\": \"db.json\"},\n"
                // the newest apiVersion: an older one's age (CUA029) would turn a clean check into one with a warning
                + "  \"resources\": [\n    {\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \""
                + io.github.partnerattribution.templates.TemplateOptions.DEFAULT_API_VERSION + "\","
                + " \"name\": \"" + name + "\", \"properties\": {\"mode\": \"Incremental\", \"template\": {\"$schema\":"
                + " \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                + " \"contentVersion\": \"1.0.0.0\", \"resources\": []}}}" + more + "\n  ]\n}\n";
    }
}
