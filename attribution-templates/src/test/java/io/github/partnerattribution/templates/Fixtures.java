package io.github.partnerattribution.templates;

import io.github.partnerattribution.core.PartnerId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Small templates for the rules, written the way partners write them. */
final class Fixtures {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final String RG = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    static final String SUB = "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#";

    private Fixtures() {
    }

    /** A template of the given scope whose resources are the given JSON objects; variables/parameters optional. */
    static String template(String schema, String extraTopLevel, String... resources) {
        return "{\n  \"$schema\": \"" + schema + "\",\n  \"contentVersion\": \"1.0.0.0\",\n" + extraTopLevel
                + "  \"resources\": [\n    " + String.join(",\n    ", resources) + "\n  ]\n}\n";
    }

    static String tracking(String name, String extra) {
        return "{ \"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"" + name
                + "\"" + extra + ", \"properties\": { \"mode\": \"Incremental\", \"template\": { \"$schema\": \""
                + RG + "\", \"contentVersion\": \"1.0.0.0\", \"resources\": [] } } }";
    }

    static String storage() {
        return "{ \"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2023-01-01\", \"name\": \"store\","
                + " \"location\": \"[resourceGroup().location]\", \"sku\": { \"name\": \"Standard_LRS\" }, \"kind\": \"StorageV2\" }";
    }

    static List<Finding> check(String json) {
        return check(json, TemplateRole.MAIN, TemplateOptions.defaults());
    }

    static List<Finding> check(String json, TemplateRole role, TemplateOptions options) {
        return ArmTemplates.check(json.getBytes(StandardCharsets.UTF_8), "mainTemplate.json", role, options);
    }

    /** Writes a file under {@code dir}, its folders made as needed. */
    static java.nio.file.Path write(java.nio.file.Path dir, String relative, String text) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve(relative);
        java.nio.file.Files.createDirectories(file.getParent());
        return java.nio.file.Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Each scanned template's role, by its path under {@code dir} with forward slashes, in path order. */
    static java.util.Map<String, TemplateRole> roles(java.nio.file.Path dir, ScanReport report) {
        java.util.Map<String, TemplateRole> out = new java.util.TreeMap<>();
        for (ScannedTemplate t : report.templates()) {
            out.put(dir.relativize(t.file()).toString().replace('\\', '/'), t.role());
        }
        return out;
    }

    static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).collect(Collectors.toList());
    }
}
