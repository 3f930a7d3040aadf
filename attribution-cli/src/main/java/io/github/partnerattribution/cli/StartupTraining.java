package io.github.partnerattribution.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run {@code bin/attribution} records its start-up cache from, once per JDK and install: the local commands, in
 * process, on a small solution and registry of their own (a main template linking a module through an expression, a
 * parameters file, Bicep with a module, a template with a finding), so that the classes a user's run loads are already
 * parsed and verified, and none is read from the jar. On JDK 17 to 23 (a class-data-sharing archive) each command
 * runs in its plain form and through picocli; with {@code --plain-forms}, for the ahead-of-time cache of JDK 24 and
 * later, only the plain forms run: that cache also keeps what the run linked and the objects it made, and a cache of
 * picocli's model and the doctor's Azure SDK besides would cost every run more to map than it saves. Not for users;
 * it writes only to a temp folder of its own, which it removes.
 */
final class StartupTraining {
    private static final String ID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String PID = "pid-" + ID;
    private static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    private static final String TRACKING = "{\"type\":\"Microsoft.Resources/deployments\",\"apiVersion\":\"2025-04-01\","
            + "\"name\":\"" + PID + "\",\"properties\":{\"mode\":\"Incremental\",\"template\":{\"$schema\":\""
            + SCHEMA + "\",\"contentVersion\":\"1.0.0.0\",\"resources\":[]}}}";

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        boolean plainOnly = args.length == 1 && args[0].equals("--plain-forms");
        Main.quietNetty(); // as every run does; and the entry point's class is then in the archive too
        Path dir = Files.createTempDirectory("attribution-training");
        try {
            Path template = write(dir, "mainTemplate.json", "{\"$schema\":\"" + SCHEMA + "\",\"contentVersion\":"
                    + "\"1.0.0.0\",\"parameters\":{\"prefix\":{\"type\":\"string\",\"defaultValue\":\"ctso\"}},"
                    + "\"variables\":{\"base\":\"modules/\",\"sku\":\"[if(equals(parameters('prefix'), 'prod'),\n"
                    + "  'Premium_LRS', 'Standard_LRS')]\"},\"resources\":[" + TRACKING + ",{\"type\":"
                    + "\"Microsoft.Resources/deployments\",\"apiVersion\":\"2022-09-01\",\"name\":\"network\","
                    + "\"properties\":{\"mode\":\"Incremental\",\"templateLink\":{\"relativePath\":"
                    + "\"[concat(variables('base'), 'network.json')]\"}}}]}");
            write(dir, "mainTemplate.parameters.json", "{\"$schema\":\"https://schema.management.azure.com/schemas/"
                    + "2019-04-01/deploymentParameters.json#\",\"contentVersion\":\"1.0.0.0\",\"parameters\":{}}");
            write(Files.createDirectory(dir.resolve("modules")), "network.json", "{\"$schema\":\"" + SCHEMA
                    + "\",\"contentVersion\":\"1.0.0.0\",\"resources\":[{\"type\":"
                    + "\"Microsoft.Network/networkSecurityGroups\",\"apiVersion\":\"2023-04-01\",\"name\":"
                    + "\"[format('{0}-nsg', 'ctso')]\",\"location\":\"westeurope\",\"properties\":{}}]}");
            Path bicep = Files.createDirectory(dir.resolve("bicep"));
            write(bicep, "main.bicep", "module storage 'modules/storage.bicep' = {\n  name: 'storage'\n}\n\n"
                    + "resource t 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: '" + PID + "'\n"
                    + "  properties: {\n    mode: 'Incremental'\n    template: {\n      resources: []\n    }\n  }\n}\n");
            write(Files.createDirectory(bicep.resolve("modules")), "storage.bicep", "param location string ="
                    + " resourceGroup().location\n\nresource s 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n"
                    + "  name: 'store${uniqueString(resourceGroup().id)}'\n  location: location\n}\n");
            // a main template without tracking, so that findings are rendered too
            Path untracked = write(Files.createDirectory(dir.resolve("other")), "azuredeploy.json", "{\"$schema\":\""
                    + SCHEMA + "\",\"contentVersion\":\"1.0.0.0\",\"resources\":[]}");
            Path registry = write(dir, "pid.properties", "offer.main=" + ID + "\n");
            String[][] runs = {
                {"guid", "check", ID},
                {"guid", "new"},
                {"template", "check", template.toString()},
                {"template", "check", untracked.toString()},
                {"template", "scan", dir.toString()},
                {"template", "rules"},
                {"template", "rules", "CUA001"},
                {"notice", "--partner", "Contoso"},
                {"user-agent", "--pid", ID},
                {"registry", "list", "--file", registry.toString()},
                {"doctor"}, // not for the ahead-of-time cache: it starts the Azure SDK
                {"--help"},
            };
            PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
            for (String[] run : runs) {
                if (plainOnly && run[0].equals("doctor")) {
                    continue;
                }
                FastPath.run(run, nowhere, nowhere); // the local commands' plain forms, as main runs them
                if (plainOnly) {
                    continue;
                }
                picocli.CommandLine cli = AttributionCli.commandLine(run);
                cli.setOut(nowhere);
                cli.setErr(nowhere);
                cli.execute(run);
            }
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(f);
                }
            }
        }
    }

    private static Path write(Path folder, String name, String text) throws IOException {
        return Files.write(folder.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }
}
