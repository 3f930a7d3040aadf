package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.templates.internal.rules.Catalogue;
import io.github.partnerattribution.templates.internal.rules.TemplateRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One page per rule in {@code docs/rules/}, kept to the catalogue: a rule without its page, or a page that says
 * another name, severity, description, fix or language than its rule, fails the build; so does a page's failing
 * example that does not produce the code, or its passing example that does. The jar ships the same pages.
 */
class RulePagesTest {
    static final Path PAGES = Paths.get("../docs/rules");
    static final Pattern EXAMPLE = Pattern.compile("## A template that (fails|passes)\\n\\n<!-- checked as: (\\w+) -->\\n"
            + "```(json|bicep)\\n(.*?)\\n```", Pattern.DOTALL);

    static Stream<TemplateRule> rules() {
        return Catalogue.RULES.stream();
    }

    static String page(String code) throws IOException {
        return new String(Files.readAllBytes(PAGES.resolve(code + ".md")), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleHasAPageThatSaysWhatTheCatalogueSays(TemplateRule rule) throws IOException {
        assertTrue(Files.isRegularFile(PAGES.resolve(rule.code() + ".md")), "docs/rules/" + rule.code() + ".md is missing");
        String page = page(rule.code());
        assertTrue(page.startsWith("# " + rule.code() + " " + rule.name() + "\n"), page.split("\n")[0]);
        String appliesTo = rule.appliesToPackages() ? "Marketplace deployment packages (.zip)\n"
                : !rule.appliesToJson() ? "Bicep files\n"
                : "JSON templates" + (rule.appliesToBicep() ? " and Bicep files\n" : "\n");
        assertTrue(page.contains("**Severity:** " + rule.severity().name().toLowerCase(Locale.ROOT) + " · **Applies to:** "
                + appliesTo), rule.code() + ": severity and what it applies to as the catalogue says (Bicep: "
                + rule.appliesToBicep() + ", packages: " + rule.appliesToPackages() + ")");
        String unescaped = page.replace("&lt;", "<").replace("&gt;", ">");
        assertTrue(unescaped.contains("\n" + rule.description() + "\n"), rule.code() + ": the description");
        assertTrue(unescaped.contains("## Why it matters\n\n"), rule.code() + ": why");
        assertTrue(unescaped.contains("## The fix\n\n" + rule.help() + "\n"), rule.code() + ": the fix is the rule's help");
        Rule published = ArmTemplates.rules().stream().filter(r -> r.code().equals(rule.code())).findFirst().get();
        assertEquals(page, published.page(), "the jar ships the page");
        assertTrue(published.helpUri().endsWith("/docs/rules/" + rule.code() + ".md"), published.helpUri());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachPageFailsAndPassesAsItSays(TemplateRule rule) throws IOException {
        if (rule.appliesToPackages()) {
            // a package is an archive: its page lists one, and the fixtures beside the rule are the archives themselves
            assertTrue(page(rule.code()).contains("## A package that fails\n\n```text\n"), rule.code());
            assertTrue(page(rule.code()).contains("## A package that passes\n\n```text\n"), rule.code());
            return;
        }
        Matcher m = EXAMPLE.matcher(page(rule.code()));
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            TemplateRole role = TemplateRole.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            List<Finding> findings = ArmTemplates.check(m.group(4).getBytes(StandardCharsets.UTF_8),
                    m.group(3).equals("bicep") ? "main.bicep" : "mainTemplate.json", role, RuleFixturesTest.options(rule.code()));
            boolean reported = findings.stream().anyMatch(f -> f.code().equals(rule.code()));
            if (m.group(1).equals("fails") && rule.code().equals("CUA028")) {
                seen.add("fails"); // read from files: RuleFixturesTest checks it with the module beside it
                continue;
            } else if (m.group(1).equals("fails")) {
                assertTrue(reported, rule.code() + "'s failing example: " + findings);
            } else {
                assertFalse(reported, rule.code() + "'s passing example: " + findings);
                assertTrue(findings.stream().noneMatch(f -> f.severity() == Severity.ERROR),
                        rule.code() + "'s passing example passes every rule: " + findings);
            }
            seen.add(m.group(1));
        }
        assertTrue(seen.contains("passes"), rule.code() + " has a passing example");
        assertTrue(seen.contains("fails") || rule.code().equals("CUA018"), rule.code() + " has a failing example"
                + " (CUA018's would be 4 MB)");
    }

    @Test
    void everyPageIsARule() throws IOException {
        TreeSet<String> codes = Catalogue.RULES.stream().map(r -> r.code() + ".md").collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> pages = Files.list(PAGES)) {
            assertEquals(codes, pages.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    @Test
    void sarifLinksEachRuleToItsPage() throws IOException {
        String sarif = ArmTemplates.checkAll(List.of(), TemplateOptions.defaults()).sarif();
        for (Rule rule : ArmTemplates.rules()) {
            assertTrue(sarif.contains("\"helpUri\" : \"" + rule.helpUri() + "\""), rule.code());
        }
    }
}
