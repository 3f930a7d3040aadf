package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one catalogue is what every listing shows: the README's table is checked against it here. */
class RuleCatalogueTest {
    static String markdownTable() {
        StringBuilder out = new StringBuilder("| code | severity | name | finding |\n|---|---|---|---|\n");
        for (Rule rule : ArmTemplates.rules()) {
            out.append("| ").append(rule.code()).append(" | ").append(rule.severity().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(rule.name()).append(" | ")
                    .append(rule.description().replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;"))
                    .append(" |\n");
        }
        return out.toString();
    }

    @Test
    void theReadmeTableIsTheCatalogue() throws IOException {
        String readme = new String(Files.readAllBytes(Paths.get("README.md")), StandardCharsets.UTF_8);
        assertTrue(readme.contains(markdownTable()), "attribution-templates/README.md's rule table differs from the catalogue; it should read:\n"
                + markdownTable());
    }

    @Test
    void codesAreUniqueConsecutiveAndEveryRuleIsDescribed() {
        List<String> codes = new ArrayList<>();
        for (Rule rule : ArmTemplates.rules()) {
            codes.add(rule.code());
            assertTrue(rule.name().matches("[A-Z][A-Za-z]+"), rule.toString());
            assertTrue(rule.description().endsWith(".") && !rule.description().contains("\n"), rule.toString());
            assertTrue(rule.help().length() > 10, rule.toString());
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= codes.size(); i++) {
            expected.add(String.format("CUA%03d", i));
        }
        assertEquals(expected, codes);
    }
}
