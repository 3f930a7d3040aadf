package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Marketplace deployment package checked as Partner Center reads it, in memory; hostile archives refused whole,
 * each with its reason, and nothing written to disk.
 */
class PackageTest {
    static final String UI = "{ \"$schema\": \"https://schema.management.azure.com/schemas/0.1.2-preview/"
            + "CreateUIDefinition.MultiVm.json#\", \"handler\": \"Microsoft.Azure.CreateUIDef\", \"version\":"
            + " \"0.1.2-preview\", \"parameters\": { \"basics\": [], \"steps\": [], \"outputs\": {} } }\n";
    static final String NESTED = Fixtures.template(Fixtures.RG, "", Fixtures.storage(),
            Fixtures.tracking(Fixtures.ID.token(), ""));
    static final String MAIN = Fixtures.template(Fixtures.RG, "", Fixtures.storage(), "{ \"type\":"
            + " \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"nested\", \"properties\":"
            + " { \"mode\": \"Incremental\", \"templateLink\": { \"relativePath\": \"nestedtemplates/db.json\" } } }",
            Fixtures.tracking(Fixtures.ID.token(), ""));

    @TempDir
    Path dir;

    /** One entry of a hand-built archive: what a tool that writes zips would never write, too. */
    record Entry(String name, byte[] data, boolean deflate, int madeBy, long external, long declared, int flags) {
        static Entry of(String name, String text) {
            return new Entry(name, text.getBytes(StandardCharsets.UTF_8), true, 3 << 8, 0100644L << 16, -1, 0);
        }
    }

    /** A ZIP archive written byte by byte from its entries. */
    static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            byte[] data = e.deflate() ? deflate(e.data()) : e.data();
            CRC32 crc = new CRC32();
            crc.update(e.data());
            long declared = e.declared() >= 0 ? e.declared() : e.data().length;
            int offset = out.size();
            int32(out, 0x04034b50);
            int16(out, 20);
            int16(out, e.flags() | 0x800);
            int16(out, e.deflate() ? 8 : 0);
            int16(out, 0);
            int16(out, 0x5b81);
            int32(out, (int) crc.getValue());
            int32(out, data.length);
            int32(out, (int) declared);
            int16(out, name.length);
            int16(out, 0);
            out.write(name, 0, name.length);
            out.write(data, 0, data.length);
            int32(central, 0x02014b50);
            int16(central, e.madeBy() | 20);
            int16(central, 20);
            int16(central, e.flags() | 0x800);
            int16(central, e.deflate() ? 8 : 0);
            int16(central, 0);
            int16(central, 0x5b81);
            int32(central, (int) crc.getValue());
            int32(central, data.length);
            int32(central, (int) declared);
            int16(central, name.length);
            int16(central, 0);
            int16(central, 0);
            int16(central, 0);
            int16(central, 0);
            int32(central, (int) e.external());
            int32(central, offset);
            central.write(name, 0, name.length);
        }
        int start = out.size();
        byte[] directory = central.toByteArray();
        out.write(directory, 0, directory.length);
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, entries.size());
        int16(out, entries.size());
        int32(out, directory.length);
        int32(out, start);
        int16(out, 0);
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static void int16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
    }

    static void int32(ByteArrayOutputStream out, int v) {
        int16(out, v & 0xffff);
        int16(out, (v >>> 16) & 0xffff);
    }

    Path write(String name, List<Entry> entries) throws IOException {
        return Files.write(dir.resolve(name), zip(entries));
    }

    static List<Entry> good() {
        return new ArrayList<>(List.of(Entry.of("mainTemplate.json", MAIN), Entry.of("createUiDefinition.json", UI),
                Entry.of("nestedtemplates/db.json", NESTED)));
    }

    static List<String> codes(ScanReport report) {
        return report.findings().stream().map(f -> f.code()).collect(Collectors.toList());
    }

    @Test
    void aPackageIsCheckedInsideAndItsFindingsNameTheEntry() throws IOException {
        Path zip = write("offer.zip", good());
        ScanReport report = ArmTemplates.checkPackage(zip, TemplateOptions.defaults());
        assertEquals(List.of(TemplateRole.PACKAGE, TemplateRole.MAIN, TemplateRole.NESTED),
                report.templates().stream().map(ScannedTemplate::role).collect(Collectors.toList()), report.text());
        assertEquals(List.of("CUA003"), codes(report), "the tracking resource in the nested template: " + report.text());
        Finding stray = report.findings().get(0);
        assertTrue(stray.file().endsWith("offer.zip!/nestedtemplates/db.json"), stray.file());
        assertTrue(report.text().contains("offer.zip!/nestedtemplates/db.json"), report.text());
        assertTrue(report.json().contains("\"file\" : \"offer.zip!/nestedtemplates/db.json\""), report.json());
        assertTrue(report.sarif().contains("\"uri\" : \"offer.zip!/nestedtemplates/db.json\""), report.sarif());
        assertEquals(1, report.linksFollowed());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(zip), files.collect(Collectors.toList()), "nothing extracted");
        }
    }

    /**
     * The text lists a package's parts under it, each path on the report's one base, and never says ok under the
     * package's error about a part; the summary counts the templates, not the archive.
     */
    @Test
    void aPackagesPartsAreListedUnderItAndNeverOkUnderAnErrorAboutThem() throws IOException {
        String deploysOthers = Fixtures.template(Fixtures.RG, "", Fixtures.storage(), "{ \"type\":"
                + " \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"network\","
                + " \"properties\": { \"mode\": \"Incremental\", \"template\": { \"resources\": [] } } }");
        Path zip = write("offer.zip", List.of(Entry.of("mainTemplate.json", deploysOthers),
                Entry.of("createUiDefinition.json", UI)));
        ScanReport report = ArmTemplates.checkPackage(zip, TemplateOptions.defaults());
        assertEquals(List.of("CUA023"), codes(report), report.text());
        String[] lines = report.text().split("\n");
        assertTrue(lines[0].startsWith("package  offer.zip"), report.text());
        assertTrue(lines[1].startsWith("  offer.zip!/mainTemplate.json:") && lines[1].contains("error CUA023"), report.text());
        assertEquals("  main  offer.zip!/mainTemplate.json  (see the package's finding above)", lines[2], report.text());
        assertFalse(report.text().contains(" ok"), report.text());
        assertTrue(lines[3].startsWith("1 template checked (in 1 package), paths relative to "), report.text());
        assertEquals(1, report.count(TemplateRole.PACKAGE));
        assertEquals(1, report.count(TemplateRole.MAIN));
        assertEquals(java.util.Optional.of("1 template(s) in 1 package(s) checked: 1 error(s), 0 warning(s); the run"
                + " fails on errors"), report.failure(Severity.ERROR));
    }

    /** A scan's template lines and findings are on one base: the scanned folder's. */
    @Test
    void aScansTemplatesAndFindingsShareOnePathBase() throws IOException {
        Fixtures.write(dir, "solution/main.bicep", "param location string = 'westeurope'\n");
        ScanReport report = ArmTemplates.scan(dir.resolve("solution"));
        String[] lines = report.text().split("\n");
        assertEquals("main  main.bicep", lines[0], report.text());
        assertTrue(lines[1].startsWith("  main.bicep:1:1: error CUA001"), report.text());
        assertTrue(lines[2].endsWith(", paths relative to " + dir.resolve("solution") + ": 1 error, 0 warnings, 0 notes"),
                report.text());
    }

    @Test
    void withoutDeploymentsOrTrackingPartnerCenterAddsItsOwnAndThatIsANoteNotCua001() throws IOException {
        Path zip = write("offer.zip", List.of(Entry.of("mainTemplate.json", Fixtures.template(Fixtures.RG, "",
                Fixtures.storage())), Entry.of("createUiDefinition.json", UI)));
        ScanReport report = ArmTemplates.checkPackage(zip, TemplateOptions.defaults());
        assertEquals(List.of(), codes(report), report.text());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("Partner Center adds its own,"
                + " pid-<guid>-partnercenter") && n.contains("ships outside the Marketplace")), report.notes().toString());
    }

    @Test
    void aScanOfAFolderChecksThePackagesInItAndCheckAllTakesOne() throws IOException {
        Files.createDirectories(dir.resolve("dist"));
        Path zip = write("dist/offer.zip", good());
        Fixtures.write(dir, "src/mainTemplate.json", Fixtures.template(Fixtures.RG, "", Fixtures.storage(),
                Fixtures.tracking(Fixtures.ID.token(), "")));
        ScanReport scan = ArmTemplates.scan(dir);
        List<String> files = scan.templates().stream().map(t -> t.role() + " " + dir.relativize(t.file()).toString()
                .replace('\\', '/')).collect(Collectors.toList());
        assertEquals(List.of("MAIN src/mainTemplate.json", "PACKAGE dist/offer.zip", "MAIN dist/offer.zip!/mainTemplate.json",
                "NESTED dist/offer.zip!/nestedtemplates/db.json"), files, scan.text());
        assertTrue(scan.text().contains("package  dist/offer.zip"), scan.text());
        ScanReport one = ArmTemplates.checkAll(List.of(zip), TemplateOptions.defaults());
        assertEquals(3, one.templates().size(), one.text());
        assertEquals(List.of("CUA003"), codes(one));
    }

    @Test
    void hostileArchivesAreRefusedWholeEachWithItsReason() throws IOException {
        byte[] zeros = new byte[4 * 1024 * 1024];
        List<Object[]> cases = List.of(
                new Object[] {"bomb.zip", List.of(Entry.of("mainTemplate.json", MAIN), new Entry("x.json", zeros, true,
                        3 << 8, 0100644L << 16, -1, 0)), "would inflate"},
                new Object[] {"lying.zip", List.of(new Entry("mainTemplate.json", MAIN.getBytes(StandardCharsets.UTF_8),
                        true, 3 << 8, 0100644L << 16, 10, 0)), "inflates past the 10 bytes it declares"},
                new Object[] {"traversal.zip", List.of(Entry.of("nested/../../x.json", NESTED)), "leads out of the archive"},
                new Object[] {"absolute.zip", List.of(Entry.of("/etc/x.json", NESTED)), "is an absolute path"},
                new Object[] {"drive.zip", List.of(Entry.of("C:/x.json", NESTED)), "is an absolute path"},
                new Object[] {"backslash.zip", List.of(Entry.of("nested\\x.json", NESTED)), "holds a backslash"},
                new Object[] {"twice.zip", List.of(Entry.of("mainTemplate.json", MAIN), Entry.of("mainTemplate.json",
                        NESTED)), "is in it twice"},
                new Object[] {"case.zip", List.of(Entry.of("mainTemplate.json", MAIN), Entry.of("MainTemplate.json",
                        NESTED)), "is in it twice (as \"mainTemplate.json\")"},
                new Object[] {"link.zip", List.of(new Entry("mainTemplate.json", "/etc/passwd".getBytes(
                        StandardCharsets.UTF_8), false, 3 << 8, 0120777L << 16, -1, 0)), "is a symbolic link"},
                new Object[] {"encrypted.zip", List.of(new Entry("mainTemplate.json", MAIN.getBytes(StandardCharsets.UTF_8),
                        false, 3 << 8, 0100644L << 16, -1, 1)), "is encrypted"});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Path zip = write((String) c[0], (List<Entry>) c[1]);
            ScanReport report = ArmTemplates.checkPackage(zip, TemplateOptions.defaults());
            assertEquals(List.of("CUA025"), codes(report), c[0] + ": " + report.text());
            assertEquals(1, report.templates().size(), c[0] + ": nothing inside is checked");
            assertTrue(report.findings().get(0).message().contains((String) c[2]), c[0] + ": " + report.findings());
        }
        Files.write(dir.resolve("garbage.zip"), "not a zip at all".getBytes(StandardCharsets.UTF_8));
        assertTrue(ArmTemplates.checkPackage(dir.resolve("garbage.zip"), TemplateOptions.defaults()).findings().get(0)
                .message().contains("it is not a ZIP archive"));
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            many.add(new Entry("f" + i + ".txt", new byte[0], false, 3 << 8, 0100644L << 16, -1, 0));
        }
        ScanReport tooMany = ArmTemplates.checkPackage(write("many.zip", many), TemplateOptions.defaults());
        assertTrue(tooMany.findings().get(0).message().contains("it has 10001 entries; at most 10000 are read"),
                tooMany.text());
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(p -> p.toString().endsWith(".zip")), "nothing extracted, ever");
        }
    }
}
