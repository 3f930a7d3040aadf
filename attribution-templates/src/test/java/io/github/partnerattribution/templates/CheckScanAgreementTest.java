package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.testkit.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A check and a scan read one template into the same model and run the same rules on it: every rule fixture, and
 * every template of the corpus, gets the same findings from {@code check} as from {@code scan} of a folder that holds
 * it, in the role the scan decided.
 */
class CheckScanAgreementTest {
    @TempDir
    Path dir;

    static Stream<Path> fixtures() throws IOException {
        return RuleFixturesTest.fixtures();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aFixtureAloneInAFolderGetsTheSameFindingsFromCheckAndScan(Path fixture) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("solution"));
        Path copy = folder.resolve(fixture.getFileName().toString());
        Files.copy(fixture, copy);
        copyDataFolders(fixture.getParent(), folder); // what a Bicep fixture loads (config/, modules/)
        List<String> checked = lines(ArmTemplates.check(copy, TemplateOptions.defaults()));
        ScanReport scan = ArmTemplates.scan(folder, TemplateOptions.defaults());
        ScannedTemplate scanned = find(scan, copy);
        if (scanned == null) {
            // a scan passes over what is no template (JSON without a template $schema, a types-only Bicep library)
            assertTrue(checked.stream().allMatch(l -> l.startsWith("CUA017 ")), fixture + ": " + checked);
            return;
        }
        if (fixture.toString().endsWith(".zip")) {
            // a package: the archive and the templates in it, in both
            assertEquals(TemplateRole.PACKAGE, scanned.role());
            assertEquals(checked, lines(scan.findings()), fixture.toString());
            return;
        }
        assertEquals(TemplateRole.MAIN, scanned.role(), fixture + " stands alone, so it is main");
        assertEquals(checked, lines(scanned.findings()), fixture.toString());
    }

    @Test
    void everyCorpusTemplateGetsTheSameFindingsFromCheckAsFromItsSolutionsScan() throws IOException {
        int compared = 0;
        try (Stream<Path> solutions = Files.list(Corpus.root())) {
            for (Path solution : solutions.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
                ScanReport scan = ArmTemplates.scan(solution, TemplateOptions.defaults());
                for (ScannedTemplate t : scan.templates()) {
                    List<Finding> checked = t.role() == TemplateRole.MAIN
                            ? ArmTemplates.checkAll(List.of(t.file()), TemplateOptions.defaults()
                                    .withMainNames(List.of(t.file().toString()))).findings()
                            : ArmTemplates.check(Files.readAllBytes(t.file()), t.file().toString(), t.role(),
                                    TemplateOptions.defaults());
                    assertEquals(lines(checked), lines(t.findings()), t.file() + " as " + t.role());
                    compared++;
                }
            }
        }
        assertTrue(compared >= 5, compared + " corpus templates compared");
    }

    private static ScannedTemplate find(ScanReport report, Path file) {
        for (ScannedTemplate t : report.templates()) {
            if (t.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                return t;
            }
        }
        return null;
    }

    private static List<String> lines(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(f.code() + " " + f.line() + ":" + f.column() + " " + f.severity() + " " + f.message());
        }
        return out;
    }

    private static void copyDataFolders(Path from, Path to) throws IOException {
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : children.filter(Files::isDirectory).collect(Collectors.toList())) {
                try (Stream<Path> walk = Files.walk(child)) {
                    for (Path p : walk.collect(Collectors.toList())) {
                        Path target = to.resolve(from.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(target);
                        } else if (!p.toString().endsWith(".bicep") && !p.toString().endsWith(".json")
                                || p.getParent().getFileName().toString().equals("config")
                                || p.getParent().getFileName().toString().equals("modules")
                                || p.getParent().getParent().getFileName().toString().equals("modules")) {
                            Files.copy(p, target);
                        }
                    }
                }
            }
        }
    }
}
