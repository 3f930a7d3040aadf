package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.github.partnerattribution.templates.internal.rules.Catalogue;
import io.github.partnerattribution.templates.internal.rules.TemplateRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule pinned by little templates, as arm-ttk does: {@code src/test/resources/rules/<CODE>/pass/*} must not
 * produce the code; {@code fail/*} must produce exactly the findings of that code listed in the file beside it,
 * {@code <name>.expected}, one {@code <line>:<column> <severity>} per line. A file named {@code nested-*} or
 * {@code linked-*} is checked as a nested or linked template, any other as the main one; a rule about build
 * placeholders has its properties beside its fixtures, {@code rules/<CODE>/pid.properties}, and one about the registry
 * its registry, {@code rules/<CODE>/registry.properties} (see {@link #options}).
 */
class RuleFixturesTest {
    static final Path ROOT = Paths.get("src/test/resources/rules");
    /** The day the fixtures are checked on: ages (CUA029) count to it, never to the machine's date. */
    static final java.time.Clock CLOCK = java.time.Clock.fixed(java.time.Instant.parse("2026-06-01T12:00:00Z"),
            java.time.ZoneOffset.UTC);
    static final TemplateOptions OPTIONS = TemplateOptions.defaults().withClock(CLOCK);

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            // rules/<CODE>/<pass|fail>/<file>; deeper files are data the fixtures load (Bicep loadJsonContent)
            List<Path> files = all.filter(RuleFixturesTest::fixture).sorted().collect(Collectors.toList());
            return files.stream();
        }
    }

    /** A fixture: {@code rules/<CODE>/<pass|fail>/<file>}, not its {@code .expected} file nor data deeper down. */
    static boolean fixture(Path p) {
        return Files.isRegularFile(p) && !p.toString().endsWith(".expected") && ROOT.relativize(p).getNameCount() == 3;
    }

    static String code(Path fixture) {
        return ROOT.relativize(fixture).getName(0).toString();
    }

    static boolean fails(Path fixture) {
        return ROOT.relativize(fixture).getName(1).toString().equals("fail");
    }

    static TemplateRole role(Path fixture) {
        String name = fixture.getFileName().toString();
        return name.startsWith("nested-") ? TemplateRole.NESTED : name.startsWith("linked-") ? TemplateRole.LINKED
                : TemplateRole.MAIN;
    }

    /**
     * The options a rule's fixtures are checked with: {@link #OPTIONS}, with {@code rules/<CODE>/pid.properties} as
     * build properties and {@code rules/<CODE>/registry.properties} as the registry for offer {@code backup} in
     * channel {@code marketplace}, when they are there.
     */
    static TemplateOptions options(String code) throws IOException {
        Path properties = ROOT.resolve(code).resolve("pid.properties");
        Path registry = ROOT.resolve(code).resolve("registry.properties");
        TemplateOptions options = Files.isRegularFile(properties) ? OPTIONS.withProperties(properties) : OPTIONS;
        return Files.isRegularFile(registry) ? options.withRegistry(
                io.github.partnerattribution.core.PartnerIdRegistry.load(registry), "backup", "marketplace", null)
                : options;
    }

    static List<Finding> check(Path fixture) throws IOException {
        TemplateOptions options = options(code(fixture));
        if (role(fixture) == TemplateRole.MAIN) {
            // as a file, so a Bicep fixture's loadJsonContent reads beside it
            return ArmTemplates.check(fixture, options);
        }
        return ArmTemplates.check(Files.readAllBytes(fixture), fixture.getFileName().toString(), role(fixture),
                options);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachFixtureGivesExactlyTheFindingsItExpects(Path fixture) throws IOException {
        String code = code(fixture);
        List<Finding> findings = check(fixture);
        for (Finding f : findings) {
            assertNotNull(Rule.all().stream().filter(r -> r.code().equals(f.code())).findFirst().orElse(null),
                    "an emitted code is in the catalogue: " + f);
        }
        List<String> actual = findings.stream().filter(f -> f.code().equals(code))
                .map(f -> f.line() + ":" + f.column() + " " + f.severity()).collect(Collectors.toList());
        if (!fails(fixture)) {
            assertEquals(List.of(), actual, fixture + " passes " + code + ": " + findings);
            return;
        }
        Path expectedFile = fixture.resolveSibling(fixture.getFileName() + ".expected");
        assertTrue(Files.exists(expectedFile), expectedFile + " is missing; the findings are " + actual + " " + findings);
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        assertFalse(expected.isEmpty(), expectedFile + " lists at least one finding");
        assertEquals(expected, actual, fixture + ": " + findings);
        Severity severity = Rule.all().stream().filter(r -> r.code().equals(code)).findFirst().get().severity();
        assertTrue(findings.stream().filter(f -> f.code().equals(code)).allMatch(f -> f.severity() == severity));
    }

    @Test
    void everyRuleHasPassAndFailFixturesAndTheSharedOnesHaveBicepToo() throws IOException {
        List<Path> all = fixtures().collect(Collectors.toList());
        // the rules that check Bicep, as the catalogue says: each needs a failing Bicep fixture
        Set<String> bicepRules = Catalogue.RULES.stream().filter(TemplateRule::appliesToBicep).map(TemplateRule::code)
                .collect(Collectors.toSet());
        assertTrue(bicepRules.containsAll(Set.of("CUA001", "CUA003", "CUA016")), bicepRules.toString());
        List<String> missing = new ArrayList<>();
        for (Rule rule : ArmTemplates.rules()) {
            for (String kind : List.of("pass", "fail")) {
                if (all.stream().noneMatch(p -> code(p).equals(rule.code()) && fails(p) == kind.equals("fail"))) {
                    missing.add(rule.code() + "/" + kind);
                }
            }
            if (bicepRules.contains(rule.code()) && all.stream().noneMatch(p -> code(p).equals(rule.code()) && fails(p)
                    && p.toString().endsWith(".bicep"))) {
                missing.add(rule.code() + "/fail/*.bicep");
            }
        }
        assertEquals(List.of(), missing);
    }
}
