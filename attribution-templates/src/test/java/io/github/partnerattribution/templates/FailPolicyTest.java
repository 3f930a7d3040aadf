package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ScanReport.failure: the one rule on what fails a run, which the command line and the Maven plugin both apply. */
class FailPolicyTest {
    static final String MAIN_WITHOUT_TRACKING = "{\"$schema\": \"https://schema.management.azure.com/schemas/"
            + "2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"resources\": []}";

    @TempDir
    Path dir;

    @Test
    void nothingCheckedFailsAtEveryThreshold() throws IOException {
        ScanReport report = ArmTemplates.scan(dir, TemplateOptions.defaults());
        for (Severity failOn : Severity.values()) {
            Optional<String> why = report.failure(failOn);
            assertEquals(Optional.of("no deployment template found in " + report.root() + ": nothing was checked"), why);
        }
    }

    @Test
    void anErrorFailsEveryThresholdAndACleanReportNone() throws IOException {
        Files.write(dir.resolve("mainTemplate.json"), MAIN_WITHOUT_TRACKING.getBytes(StandardCharsets.UTF_8));
        ScanReport report = ArmTemplates.scan(dir, TemplateOptions.defaults());
        assertTrue(report.count(Severity.ERROR) > 0, report.text());
        assertEquals(Optional.of("1 template(s) checked: " + report.count(Severity.ERROR) + " error(s), "
                + report.count(Severity.WARNING) + " warning(s); the run fails on errors"), report.failure(Severity.ERROR));
        assertTrue(report.failure(Severity.WARNING).isPresent());
    }

    @Test
    void aWarningFailsOnlyAtTheWarningThreshold() throws IOException {
        // a tracking name whose placeholder the build has not filled: CUA010, a warning
        Files.write(dir.resolve("mainTemplate.json"), MAIN_WITHOUT_TRACKING.replace("[]", "[{\"type\":"
                + " \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"pid-${tracking.id}\","
                + " \"properties\": {\"mode\": \"Incremental\", \"template\": {\"$schema\": \"https://schema.management."
                + "azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\","
                + " \"resources\": []}}}]").getBytes(StandardCharsets.UTF_8));
        ScanReport report = ArmTemplates.scan(dir, TemplateOptions.defaults());
        assertEquals(0, report.count(Severity.ERROR), report.text());
        assertTrue(report.count(Severity.WARNING) > 0, report.text());
        assertEquals(Optional.empty(), report.failure(Severity.ERROR));
        assertEquals(Optional.of("1 template(s) checked: 0 error(s), " + report.count(Severity.WARNING)
                + " warning(s); the run fails on warnings and errors"), report.failure(Severity.WARNING));
    }
}
