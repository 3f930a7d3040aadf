package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Packages crafted, byte by byte, so that the central directory the checker reads is not what another reader
 * extracts: unzip and Python's zipfile find the end record from the end of the file, java.util.zip checks it against
 * the file's length, jar xf and streaming readers read local headers from the start. Each time the main template
 * another reader would extract is one the checker refuses when it is zipped plainly (CUA023), and each crafted
 * package must be refused (CUA025), naming what disagrees, instead of passing.
 */
class PackageConsumersTest {
    /** Deploys a nested template and has no tracking resource: CUA023 when zipped plainly. */
    static final String BAD = Fixtures.template(Fixtures.RG, "", Fixtures.storage(), "{ \"type\":"
            + " \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\": \"db\", \"properties\":"
            + " { \"mode\": \"Incremental\", \"template\": { \"$schema\": \"" + Fixtures.RG + "\", \"resources\": [] } } }");
    static final String GOOD = PackageTest.MAIN.replace("\"nestedtemplates/db.json\"", "\"db.json\"");
    static final String NESTED = PackageTest.NESTED.replace(Fixtures.tracking(Fixtures.ID.token(), ""),
            "{ \"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2023-01-01\", \"name\": \"t\","
            + " \"location\": \"westeurope\" }");

    @TempDir
    Path dir;

    /** An archive's pieces, each written as told, so that one can lie about another. */
    static final class Zip {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        /** A local record; {@return its offset}. */
        int local(String name, byte[] content, byte[] stored, int method, int flags) {
            int offset = out.size();
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            int32(0x04034b50);
            int16(20);
            int16(flags | 0x800);
            int16(method);
            int16(0);
            int16(0x5b81);
            int32((int) crc(content));
            int32(stored.length);
            int32(content.length);
            int16(n.length);
            int16(0);
            out.write(n, 0, n.length);
            out.write(stored, 0, stored.length);
            return offset;
        }

        int local(String name, String text) {
            byte[] content = text.getBytes(StandardCharsets.UTF_8);
            return local(name, content, PackageTest.deflate(content), 8, 0);
        }

        /** A central entry for a local record. */
        static byte[] central(String name, byte[] content, int storedLength, int method, int madeBy, long external,
                int offset) {
            Zip z = new Zip();
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            z.int32(0x02014b50);
            z.int16(madeBy | 20);
            z.int16(20);
            z.int16(0x800);
            z.int16(method);
            z.int16(0);
            z.int16(0x5b81);
            z.int32((int) crc(content));
            z.int32(storedLength);
            z.int32(content.length);
            z.int16(n.length);
            z.int16(0);
            z.int16(0);
            z.int16(0);
            z.int16(0);
            z.int32((int) external);
            z.int32(offset);
            z.out.write(n, 0, n.length);
            return z.out.toByteArray();
        }

        static byte[] central(String name, String text, int offset) {
            byte[] content = text.getBytes(StandardCharsets.UTF_8);
            return central(name, content, PackageTest.deflate(content).length, 8, 3 << 8, 0100644L << 16, offset);
        }

        /** Raw bytes; {@return their offset}. */
        int raw(byte[]... parts) {
            int offset = out.size();
            for (byte[] p : parts) {
                out.write(p, 0, p.length);
            }
            return offset;
        }

        /** An end record. */
        void end(int count, int size, int offset, int commentLength) {
            int32(0x06054b50);
            int16(0);
            int16(0);
            int16(count);
            int16(count);
            int32(size);
            int32(offset);
            int16(commentLength);
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        /** The central directory of these entries, an end record that counts them, and the archive's bytes. */
        byte[] finish(byte[]... centrals) {
            byte[] directory = concat(centrals);
            int at = raw(directory);
            end(centrals.length, directory.length, at, 0);
            return bytes();
        }

        void int16(int v) {
            out.write(v & 0xff);
            out.write((v >>> 8) & 0xff);
        }

        void int32(int v) {
            int16(v & 0xffff);
            int16((v >>> 16) & 0xffff);
        }

        static long crc(byte[] content) {
            CRC32 crc = new CRC32();
            crc.update(content);
            return crc.getValue();
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    ScanReport check(String name, byte[] zip) throws IOException {
        return ArmTemplates.checkPackage(Files.write(dir.resolve(name), zip), TemplateOptions.defaults());
    }

    void refused(String name, byte[] zip, String reason) throws IOException {
        ScanReport report = check(name, zip);
        assertEquals(List.of("CUA025"), report.findings().stream().map(Finding::code).collect(Collectors.toList()),
                name + ": " + report.text());
        assertTrue(report.findings().get(0).message().contains(reason), name + ": " + report.findings());
    }

    @Test
    void theBadMainTemplateIsRefusedWhenZippedPlainly() throws IOException {
        ScanReport plain = check("plain.zip", PackageTest.zip(List.of(PackageTest.Entry.of("mainTemplate.json", BAD),
                PackageTest.Entry.of("createUiDefinition.json", PackageTest.UI))));
        assertEquals(List.of("CUA023"), plain.findings().stream().map(Finding::code).collect(Collectors.toList()),
                plain.text());
        ScanReport good = check("good.zip", PackageTest.zip(List.of(PackageTest.Entry.of("mainTemplate.json", GOOD),
                PackageTest.Entry.of("createUiDefinition.json", PackageTest.UI),
                PackageTest.Entry.of("db.json", NESTED))));
        assertEquals(List.of(), good.findings(), good.text());
    }

    @Test
    void anEndRecordThatPointsAtAFakeDirectoryIsRefused() throws IOException {
        Zip z = new Zip();
        int good = z.local("mainTemplate.json", GOOD);
        int bad = z.local("x/mainTemplate.json", BAD);
        byte[] fake = Zip.central("mainTemplate.json", GOOD, good);
        byte[] real = Zip.central("mainTemplate.json", BAD, bad);
        int fakeAt = z.raw(fake);
        z.raw(real);
        z.end(1, real.length, fakeAt, 0);
        refused("fake-directory.zip", z.bytes(), "does not end where the end record begins");
    }

    @Test
    void anEndRecordThatCountsFewerEntriesThanTheDirectoryHoldsIsRefused() throws IOException {
        Zip z = new Zip();
        int ui = z.local("createUiDefinition.json", PackageTest.UI);
        int notes = z.local("notes.json", "{}");
        int bad = z.local("mainTemplate.json", BAD);
        byte[] directory = concat(Zip.central("createUiDefinition.json", PackageTest.UI, ui),
                Zip.central("notes.json", "{}", notes), Zip.central("mainTemplate.json", BAD, bad));
        int at = z.raw(directory);
        z.end(2, directory.length, at, 0);
        refused("short-count.zip", z.bytes(), "counts 2 entries, but its central directory holds more");
    }

    @Test
    void aSecondEndRecordInsideTheCommentOfTheRealOneIsRefused() throws IOException {
        Zip z = new Zip();
        int good = z.local("mainTemplate.json", GOOD);
        int bad = z.local("y/mainTemplate.json", BAD);
        byte[] fake = Zip.central("mainTemplate.json", GOOD, good);
        byte[] real = Zip.central("mainTemplate.json", BAD, bad);
        int fakeAt = z.raw(fake);
        int realAt = z.raw(real);
        z.end(1, real.length, realAt, 22); // the real one, whose comment is
        z.end(1, fake.length, fakeAt, 0); // a second end record, found first from the end
        refused("two-ends.zip", z.bytes(), "end-of-central-directory records that each end the file");
    }

    @Test
    void aLocalHeaderThatNamesAnotherFileIsRefused() throws IOException {
        Zip z = new Zip();
        int bad = z.local("mainTemplate.json", BAD); // what unzip -s, jar xf and streaming readers extract
        refused("renamed.zip", z.finish(Zip.central("notes.json", BAD, bad)), "local header names another file");
    }

    @Test
    void aLocalRecordWithoutACentralEntryIsRefused() throws IOException {
        Zip z = new Zip();
        int good = z.local("mainTemplate.json", GOOD);
        z.local("mainTemplate.json", BAD); // a streaming reader extracts this one last
        refused("hidden-local.zip", z.finish(Zip.central("mainTemplate.json", GOOD, good)), "belong to no entry of the central directory");
    }

    @Test
    void aSymbolicLinkMadeOnAnotherHostSystemIsRefused() throws IOException {
        Zip z = new Zip();
        byte[] target = "../../../../etc/passwd".getBytes(StandardCharsets.UTF_8);
        int link = z.local("nested/link.json", target, target, 0, 0);
        refused("link-host5.zip", z.finish(Zip.central("nested/link.json", target, target.length, 0, 5 << 8, 0120777L << 16, link)), "is a symbolic link");
    }

    @Test
    void localAndCentralMethodsThatDisagreeAreRefused() throws IOException {
        Zip z = new Zip();
        byte[] content = BAD.getBytes(StandardCharsets.UTF_8);
        int bad = z.local("mainTemplate.json", content, content, 0, 0); // stored, the directory says deflated
        refused("methods.zip", z.finish(Zip.central("mainTemplate.json", content, content.length, 8, 3 << 8, 0100644L << 16, bad)), "local header disagrees with its central entry");
    }

    @Test
    void aDeflateStreamWithoutItsLastBlockIsRefused() throws IOException {
        byte[] content = GOOD.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        byte[] buffer = new byte[content.length + 1024];
        int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH); // every byte, but no final block
        deflater.end();
        byte[] stored = java.util.Arrays.copyOf(buffer, n);
        Zip z = new Zip();
        int main = z.local("mainTemplate.json", content, stored, 8, 0);
        refused("unfinished.zip", z.finish(Zip.central("mainTemplate.json", content, stored.length, 8, 3 << 8, 0100644L << 16, main)), "deflate stream does not end");
    }

    @Test
    void aPackageOfManyEntriesPrintsBoundedNotes() throws IOException {
        List<PackageTest.Entry> entries = new ArrayList<>();
        entries.add(PackageTest.Entry.of("mainTemplate.json", GOOD.replace("\"db.json\"", "\"[variables('x')]\"")));
        entries.add(PackageTest.Entry.of("createUiDefinition.json", PackageTest.UI));
        entries.add(PackageTest.Entry.of("db.json", NESTED));
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            links.append(", { \"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2025-04-01\", \"name\":"
                    + " \"d").append(i).append("\", \"properties\": { \"mode\": \"Incremental\", \"templateLink\": {"
                    + " \"relativePath\": \"[parameters('p").append(i).append("')]\" } } }");
        }
        for (int i = 0; i < 200; i++) {
            entries.add(PackageTest.Entry.of("nested/t" + i + ".json", Fixtures.template(Fixtures.RG, "",
                    Fixtures.storage() + links)));
        }
        ScanReport report = check("many-notes.zip", PackageTest.zip(entries));
        assertTrue(report.notes().size() <= 101, report.notes().size() + " notes");
        assertTrue(report.notes().get(report.notes().size() - 1).contains("more notes about"),
                report.notes().get(report.notes().size() - 1));
    }

    @Test
    void whatAPackageInflatesToIsBoundedInAll() throws IOException {
        List<PackageTest.Entry> entries = new ArrayList<>();
        entries.add(PackageTest.Entry.of("mainTemplate.json", GOOD));
        byte[] zeros = new byte[100 * 1024]; // each within the ratio an entry may inflate by
        for (int i = 0; i < 700; i++) {
            entries.add(new PackageTest.Entry("data/" + i + ".bin", zeros, true, 3 << 8, 0100644L << 16, -1, 0));
        }
        byte[] zip = PackageTest.zip(entries);
        assertTrue(zip.length < 200 * 1024, zip.length + " bytes");
        refused("inflates-to-70-mb.zip", zip, "more than 67108864 bytes uncompressed");
    }
}
