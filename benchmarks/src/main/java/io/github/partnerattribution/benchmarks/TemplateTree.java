package io.github.partnerattribution.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated solution repository, the same on every run (fixed seed), in JSON or, template for template, in Bicep: {@code solutions} solutions of ten templates
 * each, 20-200 KB apiece, as partners lay them out. Each has a main template (named {@code mainTemplate.json}, or
 * {@code <solution>Arm.json} for one in five) with its tracking resource and comments; four nested templates in
 * {@code nestedtemplates/} linked by {@code relativePath}; five linked templates in {@code modules/}, linked from the
 * nested ones by {@code uri(deployment().properties.templateLink.uri, ...)} and from each other (three levels deep),
 * one with a multi-line {@code if(...)}; and a parameters file that is not a template.
 *
 * <p>With {@code expressionLinks}, the same tree links as real solutions often do: main to nested through
 * {@code uri(parameters('_artifactsLocation'), concat('nestedtemplates/', variables(...), sasToken))}, nested to modules
 * through {@code concat(parameters('templateBaseUrl'), 'modules/...')} (a base URL pointing at the solution folder),
 * modules to modules through {@code uri(deployment().properties.templateLink.uri, variables(...))}.
 */
final class TemplateTree {
    static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    static final String PID = "pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";

    private TemplateTree() {
    }

    /** Writes the tree under {@code root}, links as literals; returns the templates written. */
    static List<Path> write(Path root, int solutions) throws IOException {
        return write(root, solutions, false);
    }

    /** How many links a tree of {@code solutions} solutions makes: 4 + 2 + 3 per solution. */
    static int links(int solutions) {
        return 9 * solutions;
    }

    /** Writes the tree under {@code root}; returns the templates written. */
    static List<Path> write(Path root, int solutions, boolean expressionLinks) throws IOException {
        return write(root, solutions, expressionLinks, false);
    }

    /**
     * Writes the tree as Bicep: the same solutions, templates, resources and links as {@link #write(Path, int)} writes
     * in JSON (the same random choices, each template rendered in both languages side by side), each template a
     * {@code .bicep} file, each link a {@code module}.
     */
    static List<Path> writeBicep(Path root, int solutions) throws IOException {
        return write(root, solutions, false, true);
    }

    private static List<Path> write(Path root, int solutions, boolean expressionLinks, boolean bicep)
            throws IOException {
        int language = bicep ? 1 : 0;
        String ext = bicep ? ".bicep" : ".json";
        Random random = new Random(20261125L);
        List<Path> templates = new ArrayList<>();
        for (int s = 0; s < solutions; s++) {
            String solution = String.format("solution%03d", s);
            Path dir = Files.createDirectories(root.resolve(solution));
            Files.createDirectories(dir.resolve("nestedtemplates"));
            Files.createDirectories(dir.resolve("modules"));
            List<String> links = new ArrayList<>();
            StringBuilder variables = new StringBuilder();
            for (int n = 0; n < 4; n++) {
                if (bicep) {
                    links.add("nestedtemplates/nested" + n + ".bicep");
                } else if (expressionLinks) {
                    variables.append(",\n    \"nested").append(n).append("\": \"nested").append(n).append(".json\"");
                    links.add("{\"uri\": \"[uri(parameters('_artifactsLocation'), concat('nestedtemplates/', variables('nested"
                            + n + "'), parameters('_artifactsLocationSasToken')))]\"}");
                } else {
                    links.add("{\"relativePath\": \"nestedtemplates/nested" + n + ".json\"}");
                }
            }
            String mainName = s % 5 == 0 ? solution + "Arm" + ext : bicep ? "main.bicep" : "mainTemplate.json";
            templates.add(write(dir.resolve(mainName), template(random, links, true, false, variables.toString())
                    [language]));
            for (int n = 0; n < 4; n++) {
                List<String> moduleLinks = new ArrayList<>();
                if (n < 2) {
                    moduleLinks.add(bicep ? "../modules/module" + n + ".bicep" : expressionLinks
                            ? "{\"uri\": \"[concat(parameters('templateBaseUrl'), 'modules/module" + n + ".json')]\"}"
                            : uri("../modules/module" + n + ".json"));
                }
                templates.add(write(dir.resolve("nestedtemplates/nested" + n + ext),
                        template(random, moduleLinks, false, false, "")[language]));
            }
            for (int m = 0; m < 5; m++) {
                List<String> deeper = new ArrayList<>();
                String next = "";
                if (m < 3) {
                    next = expressionLinks ? ",\n    \"next\": \"module" + (m + 2) + ".json\"" : "";
                    deeper.add(bicep ? "module" + (m + 2) + ".bicep" : expressionLinks
                            ? "{\"uri\": \"[uri(deployment().properties.templateLink.uri, variables('next'))]\"}"
                            : uri("module" + (m + 2) + ".json"));
                }
                templates.add(write(dir.resolve("modules/module" + m + ext), template(random, deeper, false, m == 4,
                        next)[language]));
            }
            write(dir.resolve("mainTemplate.parameters.json"), "{\n  \"$schema\": \"https://schema.management.azure.com/"
                    + "schemas/2019-04-01/deploymentParameters.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n"
                    + "  \"parameters\": { \"location\": { \"value\": \"westeurope\" } }\n}\n");
        }
        return templates;
    }

    /** Words the generated documents are written in. */
    private static final String[] WORDS = {"the", "solution", "deploys", "a", "virtual", "network", "and", "storage",
        "account", "into", "your", "subscription", "with", "parameters", "for", "region", "size", "of", "each", "tier",
        "customer", "managed", "application", "resource", "group", "before", "you", "begin", "make", "sure", "that",
        "role", "assignment", "is", "granted", "to", "identity", "used", "by", "pipeline"};

    /**
     * Writes 10 Markdown, script and pipeline files into each solution of a tree {@link #write} made (1,000 for 100
     * solutions), of the sizes and shapes found in public repositories: a README with a "Deploy to Azure" button for
     * the main template, prose documents, a deploy script in bash and in PowerShell, and a pipeline, each deployment
     * naming the solution's main template, and one in ten a file that is not there.
     *
     * @return how many deployments the files write
     */
    static int writeDocuments(Path root, int solutions, boolean bicep) throws IOException {
        Random random = new Random(20261206L);
        int deployments = 0;
        for (int s = 0; s < solutions; s++) {
            String solution = String.format("solution%03d", s);
            Path dir = root.resolve(solution);
            String main = s % 5 == 0 ? solution + "Arm" + (bicep ? ".bicep" : ".json")
                    : bicep ? "main.bicep" : "mainTemplate.json";
            String raw = "https://raw.githubusercontent.com/contoso/solutions/main/" + solution + "/" + main;
            String button = "[![Deploy to Azure](https://aka.ms/deploytoazurebutton)](https://portal.azure.com/#create/"
                    + "Microsoft.Template/uri/" + java.net.URLEncoder.encode(raw, "UTF-8") + ")";
            write(dir.resolve("README.md"), "# " + solution + "\n\n" + prose(random, 6000) + "\n\n" + button + "\n\n"
                    + prose(random, 2000) + "\n");
            Files.createDirectories(dir.resolve("docs"));
            write(dir.resolve("docs/architecture.md"), "# Architecture\n\n" + prose(random, 8000) + "\n");
            write(dir.resolve("docs/troubleshooting.md"), "# Troubleshooting\n\n" + prose(random, 4000) + "\n");
            write(dir.resolve("docs/parameters.md"), "# Parameters\n\n" + prose(random, 3000) + "\n");
            write(dir.resolve("docs/deploy.md"), "# Deploy\n\n" + prose(random, 2000) + "\n\n```bash\n"
                    + "az deployment group create \\\n  --resource-group my-rg \\\n  --template-file ../" + main
                    + " \\\n  --parameters location=westeurope\n```\n\n" + prose(random, 1000) + "\n");
            Files.createDirectories(dir.resolve("scripts"));
            write(dir.resolve("scripts/deploy.sh"), "#!/usr/bin/env bash\nset -euo pipefail\nRG=${1:-my-rg}\n"
                    + "az group create -n \"$RG\" -l westeurope\naz deployment group create -g \"$RG\" -f \"$(dirname \"$0\")/../"
                    + (s % 10 == 9 ? "gone.json" : main) + "\"\n");
            write(dir.resolve("scripts/Deploy.ps1"), "param([string] $ResourceGroup = 'my-rg')\n"
                    + "New-AzResourceGroup -Name $ResourceGroup -Location westeurope -Force\n"
                    + "New-AzResourceGroupDeployment -ResourceGroupName $ResourceGroup `\n  -TemplateFile \"$PSScriptRoot\\..\\"
                    + main + "\"\n");
            write(dir.resolve("scripts/cleanup.sh"), "#!/usr/bin/env bash\naz group delete -n \"${1:-my-rg}\" --yes\n");
            Files.createDirectories(dir.resolve("pipelines"));
            write(dir.resolve("pipelines/deploy.yml"), "trigger:\n  - main\nsteps:\n  - task: AzureCLI@2\n    inputs:\n"
                    + "      scriptType: bash\n      inlineScript: |\n        az deployment group create -g my-rg -f "
                    + "$(System.DefaultWorkingDirectory)/" + solution + "/" + main + "\n");
            write(dir.resolve("CHANGELOG.md"), "# Changelog\n\n" + prose(random, 1500) + "\n");
            deployments += 5;
        }
        return deployments;
    }

    private static String prose(Random random, int length) {
        StringBuilder b = new StringBuilder(length + 16);
        int line = 0;
        while (b.length() < length) {
            String w = WORDS[random.nextInt(WORDS.length)];
            b.append(w);
            line += w.length() + 1;
            if (line > 100) {
                b.append('\n');
                line = 0;
            } else {
                b.append(random.nextInt(12) == 0 ? ". " : " ");
            }
        }
        return b.toString();
    }

    private static String uri(String path) {
        return "{\"uri\": \"[uri(deployment().properties.templateLink.uri, '" + path + "')]\"}";
    }

    /**
     * Writes one file and forces it to the disk: a tree of 100 MB left for the OS to write back would compete with
     * the first measurement that reads it.
     */
    private static Path write(Path file, String text) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        return file;
    }

    /**
     * One template of 20-200 KB (its JSON form): parameters, variables, resources with expressions, the links, maybe
     * tracking; in JSON and in Bicep, the same content.
     */
    private static String[] template(Random random, List<String> links, boolean main, boolean multiLine,
            String variables) {
        return template(random, 20_000 + random.nextInt(180_001), links, main, multiLine, variables);
    }

    /** A main template of about {@code target} bytes, with its tracking resource. */
    static String mainTemplate(int target) {
        return template(new Random(target), target, new ArrayList<String>(), true, true, "")[0];
    }

    private static String[] template(Random random, int target, List<String> links, boolean main, boolean multiLine,
            String variables) {
        StringBuilder bicep = new StringBuilder(target);
        bicep.append("// generated: a realistic mix of what partner templates hold\n"
                + "param location string = resourceGroup().location\nparam prefix string = 'ctso'\n"
                + "param enableTelemetry bool = true\nparam _artifactsLocation string = deployment().properties.templateLink.uri\n"
                + "@secure()\nparam _artifactsLocationSasToken string = ''\nparam templateBaseUrl string\n\n"
                + "var storageName = '${prefix}${uniqueString(resourceGroup().id)}'\nvar tags = {\n"
                + "  solution: 'contoso'\n  owner: 'platform'\n}\n");
        if (multiLine) {
            bicep.append("var sku = prefix == 'prod'\n  ? 'Premium_LRS'\n  : 'Standard_LRS'\n");
        }
        StringBuilder b = new StringBuilder(target + 4096);
        b.append("{\n  \"$schema\": \"").append(SCHEMA).append("\",\n  \"contentVersion\": \"1.0.0.0\",\n");
        b.append("  // generated: a realistic mix of what partner templates hold\n");
        b.append("  \"parameters\": {\n    \"location\": { \"type\": \"string\", \"defaultValue\":"
                + " \"[resourceGroup().location]\" },\n    \"prefix\": { \"type\": \"string\", \"defaultValue\": \"ctso\" },\n"
                + "    \"enableTelemetry\": { \"type\": \"bool\", \"defaultValue\": true },\n"
                + "    \"_artifactsLocation\": { \"type\": \"string\", \"defaultValue\":"
                + " \"[deployment().properties.templateLink.uri]\" },\n"
                + "    \"_artifactsLocationSasToken\": { \"type\": \"securestring\", \"defaultValue\": \"\" },\n"
                + "    \"templateBaseUrl\": { \"type\": \"string\" }\n  },\n");
        b.append("  \"variables\": {\n    \"storageName\": \"[concat(parameters('prefix'), uniqueString(resourceGroup().id))]\",\n"
                + "    \"tags\": { \"solution\": \"contoso\", \"owner\": \"platform\" }").append(variables);
        if (multiLine) {
            b.append(",\n    \"sku\": \"[if(equals(parameters('prefix'), 'prod'),\n      'Premium_LRS',\n      'Standard_LRS')]\"");
        }
        b.append("\n  },\n  \"resources\": [\n");
        boolean first = true;
        int l = 0;
        for (String link : links) {
            bicep.append("\nmodule link").append(l++).append(" '").append(link).append("' = {\n"
                    + "  name: 'linked-${uniqueString(deployment().name)}'\n  params: {\n    location: location\n"
                    + "  }\n}\n");
            b.append(first ? "" : ",\n");
            first = false;
            b.append("    {\n      \"type\": \"Microsoft.Resources/deployments\",\n      \"apiVersion\": \"2022-09-01\",\n"
                    + "      \"name\": \"[concat('linked-', uniqueString(deployment().name))]\",\n"
                    + "      \"properties\": {\n        \"mode\": \"Incremental\",\n        \"templateLink\": ")
                    .append(link).append(",\n        \"parameters\": { \"location\": { \"value\":"
                    + " \"[parameters('location')]\" } }\n      }\n    }");
        }
        if (main) {
            bicep.append("\nresource partnerAttribution 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: '")
                    .append(PID).append("'\n  properties: {\n    mode: 'Incremental'\n    template: {\n"
                    + "      '$schema': '").append(SCHEMA).append("'\n      contentVersion: '1.0.0.0'\n"
                    + "      resources: []\n    }\n  }\n}\n");
            b.append(first ? "" : ",\n");
            first = false;
            b.append("    {\n      \"type\": \"Microsoft.Resources/deployments\",\n      \"apiVersion\": \"2025-04-01\",\n"
                    + "      \"name\": \"").append(PID).append("\",\n      \"properties\": {\n        \"mode\":"
                    + " \"Incremental\",\n        \"template\": {\n          \"$schema\": \"").append(SCHEMA)
                    .append("\",\n          \"contentVersion\": \"1.0.0.0\",\n          \"resources\": []\n"
                            + "        }\n      }\n    }");
        }
        int i = 0;
        while (b.length() < target) {
            b.append(first ? "" : ",\n");
            first = false;
            resource(b, bicep, random, i++);
        }
        b.append("\n  ],\n  \"outputs\": {\n    \"storage\": { \"type\": \"string\", \"value\": \"[variables('storageName')]\" }\n"
                + "  }\n}\n");
        bicep.append("\noutput storage string = storageName\n");
        return new String[] {b.toString(), bicep.toString()};
    }

    private static void resource(StringBuilder b, StringBuilder bicep, Random random, int i) {
        int kind = random.nextInt(3);
        switch (kind) {
            case 0:
                bicep.append("\nresource storage").append(i).append(" 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n"
                        + "  name: '${storageName}").append(i).append("'\n  location: location\n  tags: tags\n"
                        + "  sku: {\n    name: 'Standard_LRS'\n  }\n  kind: 'StorageV2'\n  properties: {\n"
                        + "    minimumTlsVersion: 'TLS1_2'\n    supportsHttpsTrafficOnly: true\n"
                        + "    allowBlobPublicAccess: false\n    networkAcls: {\n      defaultAction: 'Deny'\n"
                        + "      bypass: 'AzureServices'\n      ipRules: []\n    }\n  }\n}\n");
                break;
            case 1:
                bicep.append("\nresource nsg").append(i).append(" 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n"
                        + "  name: '${prefix}-nsg-").append(i).append("'\n  location: location\n  properties: {\n"
                        + "    securityRules: [\n");
                for (int r = 0; r < 3; r++) {
                    bicep.append("      {\n        name: 'rule").append(r).append("'\n        properties: {\n"
                            + "          priority: ").append(100 + r).append("\n          direction: 'Inbound'\n"
                            + "          access: 'Allow'\n          protocol: 'Tcp'\n"
                            + "          sourceAddressPrefix: '10.0.0.0/16'\n          sourcePortRange: '*'\n"
                            + "          destinationAddressPrefix: '*'\n          destinationPortRange: '")
                            .append(443 + r).append("'\n        }\n      }\n");
                }
                bicep.append("    ]\n  }\n}\n");
                break;
            default:
                bicep.append("\nresource site").append(i).append(" 'Microsoft.Web/sites@2022-09-01' = if (enableTelemetry) {\n"
                        + "  name: toLower('${prefix}-app-").append(i).append("')\n  location: location\n"
                        + "  properties: {\n    httpsOnly: true\n    siteConfig: {\n      appSettings: [\n"
                        + "        {\n          name: 'STORAGE'\n          value: reference(resourceId("
                        + "'Microsoft.Storage/storageAccounts', storageName), '2023-01-01').primaryEndpoints.blob\n"
                        + "        }\n      ]\n      minTlsVersion: '1.2'\n    }\n  }\n}\n");
                break;
        }
        switch (kind) {
            case 0:
                b.append("    {\n      \"type\": \"Microsoft.Storage/storageAccounts\",\n      \"apiVersion\": \"2023-01-01\",\n"
                        + "      \"name\": \"[concat(variables('storageName'), '").append(i).append("')]\",\n"
                        + "      \"location\": \"[parameters('location')]\",\n      \"tags\": \"[variables('tags')]\",\n"
                        + "      \"sku\": { \"name\": \"Standard_LRS\" },\n      \"kind\": \"StorageV2\",\n"
                        + "      \"properties\": {\n        \"minimumTlsVersion\": \"TLS1_2\",\n"
                        + "        \"supportsHttpsTrafficOnly\": true,\n        \"allowBlobPublicAccess\": false,\n"
                        + "        \"networkAcls\": { \"defaultAction\": \"Deny\", \"bypass\": \"AzureServices\","
                        + " \"ipRules\": [] }\n      }\n    }");
                break;
            case 1:
                b.append("    {\n      \"type\": \"Microsoft.Network/networkSecurityGroups\",\n"
                        + "      \"apiVersion\": \"2023-04-01\",\n      \"name\": \"[format('{0}-nsg-{1}', parameters('prefix'), ")
                        .append(i).append(")]\",\n      \"location\": \"[parameters('location')]\",\n"
                        + "      \"properties\": {\n        \"securityRules\": [\n");
                for (int r = 0; r < 3; r++) {
                    b.append(r == 0 ? "" : ",\n").append("          {\n            \"name\": \"rule").append(r)
                            .append("\",\n            \"properties\": { \"priority\": ").append(100 + r)
                            .append(", \"direction\": \"Inbound\", \"access\": \"Allow\", \"protocol\": \"Tcp\","
                                    + " \"sourceAddressPrefix\": \"10.0.0.0/16\", \"sourcePortRange\": \"*\","
                                    + " \"destinationAddressPrefix\": \"*\", \"destinationPortRange\": \"")
                            .append(443 + r).append("\" }\n          }");
                }
                b.append("\n        ]\n      }\n    }");
                break;
            default:
                b.append("    {\n      \"condition\": \"[parameters('enableTelemetry')]\",\n"
                        + "      \"type\": \"Microsoft.Web/sites\",\n      \"apiVersion\": \"2022-09-01\",\n"
                        + "      \"name\": \"[toLower(concat(parameters('prefix'), '-app-', ").append(i).append("))]\",\n"
                        + "      \"location\": \"[parameters('location')]\",\n      \"dependsOn\": [\n"
                        + "        \"[resourceId('Microsoft.Storage/storageAccounts', variables('storageName'))]\"\n"
                        + "      ],\n      \"properties\": {\n        \"httpsOnly\": true,\n        \"siteConfig\": {\n"
                        + "          \"appSettings\": [\n            { \"name\": \"STORAGE\", \"value\":"
                        + " \"[reference(resourceId('Microsoft.Storage/storageAccounts', variables('storageName')),"
                        + " '2023-01-01').primaryEndpoints.blob]\" }\n          ],\n          \"minTlsVersion\": \"1.2\"\n"
                        + "        }\n      }\n    }");
        }
    }
}
