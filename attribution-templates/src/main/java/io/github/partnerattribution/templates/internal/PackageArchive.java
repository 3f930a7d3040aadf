package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.support.Utf8;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A Marketplace deployment package ({@code .zip}) read in memory, as Partner Center reads it, through its central
 * directory: never extracted to disk, and refused whole, with the reason, when it is not a plain archive of plain
 * files: more than {@value #MAX_ENTRIES} entries, more than {@value #MAX_TOTAL_BYTES} bytes uncompressed, an entry that
 * inflates more than {@value #MAX_RATIO} times (a zip bomb) or past what it declares, a name with {@code ..}, a
 * leading {@code /}, a drive or a backslash, the same name twice (in any case), a symbolic link, an encrypted entry,
 * ZIP64 or a method other than stored and deflated. Not API.
 *
 * <pre>{@code
 * PackageArchive archive = PackageArchive.read(bytes); // throws PackageArchive.Refused
 * byte[] main = archive.entries().get("mainTemplate.json");
 * }</pre>
 */
public final class PackageArchive {
    /** At most this many entries. */
    public static final int MAX_ENTRIES = 10_000;
    /** At most this many bytes once inflated, all entries together. */
    public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    /** No entry inflates to more than this many times its compressed size (and a few KiB). */
    public static final int MAX_RATIO = 100;

    private static final int EOCD = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;

    /** Why an archive is not read: its name and the first problem found. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, byte[]> entries;

    private PackageArchive(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    /** {@return the files of the archive by name (folders left out), in archive order} */
    public Map<String, byte[]> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /**
     * Whether an archive is a Marketplace package at all: some header of it, local or central, whether or not the
     * archive is well formed, names {@code mainTemplate.json} or {@code createUiDefinition.json} (in any case, with
     * {@code /} or {@code \\}) at its root or in one folder. Any other zip (a DSC configuration, a script bundle, an
     * application's files) is an artifact templates download. Read leniently, so that an archive crafted to hide its
     * main template from one reader is still judged as a package, and refused.
     */
    public static boolean namesPackageFile(byte[] zip) {
        for (int i = 0; i + 30 <= zip.length; i++) {
            if (zip[i] != 'P' || zip[i + 1] != 'K') {
                continue;
            }
            int signature = int32(zip, i);
            int at;
            int length;
            if (signature == LOCAL) {
                length = int16(zip, i + 26);
                at = i + 30;
            } else if (signature == CENTRAL && i + 46 <= zip.length) {
                length = int16(zip, i + 28);
                at = i + 46;
            } else {
                continue;
            }
            if (length > 0 && length <= 1024 && at + length <= zip.length
                    && isPackageFile(new String(zip, at, length, StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether an entry's name is the main template or the UI definition, at the root or in one folder. */
    static boolean isPackageFile(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        int slash = n.indexOf('/');
        if (slash >= 0 && n.indexOf('/', slash + 1) >= 0) {
            return false;
        }
        String base = n.substring(slash + 1);
        return base.equalsIgnoreCase(PackageModel.MAIN) || base.equalsIgnoreCase(PackageModel.UI);
    }

    /**
     * Reads an archive's bytes as every consumer must read them alike: one end record (its comment reaching the end
     * of the file, and no second one a reader searching from the end would take), a central directory that ends where
     * the end record begins and holds exactly the entries the end record counts, each local header agreeing with its
     * central entry (name, method, flags, CRC and sizes, or its data descriptor), the local records tiling the file up
     * to the directory with nothing before, between or after them, no link or special file whatever the system that
     * made the entry, and every stored or deflated stream whole (a deflate stream ends with its last block) with the
     * CRC it declares. Anything else is refused, naming it: a reader of the central directory, a streaming reader and
     * one that trusts local headers would otherwise see different files.
     */
    public static PackageArchive read(byte[] zip) throws Refused {
        int eocd = endRecord(zip);
        int disk = int16(zip, eocd + 4);
        int directoryDisk = int16(zip, eocd + 6);
        int onThisDisk = int16(zip, eocd + 8);
        int count = int16(zip, eocd + 10);
        long size = uint32(zip, eocd + 12);
        long offset = uint32(zip, eocd + 16);
        if (count == 0xFFFF || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
            throw new Refused("it is a ZIP64 archive, which is not read; a deployment package is far smaller");
        }
        if (disk != 0 || directoryDisk != 0 || onThisDisk != count) {
            throw new Refused("its end record describes an archive split over several disks (it counts " + onThisDisk
                    + " entries on this disk and " + count + " in all), which is not read");
        }
        if (count > MAX_ENTRIES) {
            throw new Refused("it has " + count + " entries; at most " + MAX_ENTRIES + " are read");
        }
        if (offset + size != eocd) {
            throw new Refused("its end record places the central directory at " + offset + " (" + size + " bytes),"
                    + " which does not end where the end record begins (" + eocd + "): readers that find the"
                    + " directory from the end record's own position would read another one");
        }
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        List<long[]> records = new ArrayList<>(); // each entry's local record: [start, end)
        long total = 0;
        int at = (int) offset;
        for (int n = 0; n < count; n++) {
            if (at + 46 > eocd || int32(zip, at) != CENTRAL) {
                throw new Refused("its central directory is damaged at entry " + (n + 1));
            }
            Central c = new Central(zip, at);
            int centralName = at + 46;
            if (centralName + c.nameLength > eocd) {
                throw new Refused("its central directory is damaged at entry " + (n + 1));
            }
            String name = name(zip, centralName, c.nameLength);
            at = centralName + c.nameLength + c.extraLength + c.commentLength;
            String shown = io.github.partnerattribution.core.support.Text.quote(name);
            if (c.compressed == 0xFFFFFFFFL || c.declared == 0xFFFFFFFFL || c.local == 0xFFFFFFFFL) {
                throw new Refused("the entry " + shown + " is in ZIP64 form, which is not read");
            }
            int type = (int) ((c.external >>> 16) & 0xF000);
            if (type == 0xA000) { // whatever the host system: Info-ZIP honours a Unix mode from several of them
                throw new Refused("the entry " + shown + " is a symbolic link; a package holds plain files only");
            }
            if (type != 0 && type != 0x8000 && type != 0x4000) {
                throw new Refused("the entry " + shown + " is a special file (mode " + Integer.toOctalString(type)
                        + "); a package holds plain files only");
            }
            if (c.startDisk != 0) {
                throw new Refused("the entry " + shown + " starts on another disk, which is not read");
            }
            String problem = badName(name);
            if (problem != null) {
                throw new Refused("the entry " + shown + " " + problem);
            }
            String folded = name.toLowerCase(Locale.ROOT);
            String first = seen.put(folded, name);
            if (first != null) {
                throw new Refused("the name " + shown + " is in it twice" + (first.equals(name) ? "" : " (as "
                        + io.github.partnerattribution.core.support.Text.quote(first) + ")")
                        + "; which one would be used cannot be told");
            }
            if ((c.flags & 1) != 0) {
                throw new Refused("the entry " + shown + " is encrypted");
            }
            if (c.declared > MAX_TOTAL_BYTES - total) {
                throw new Refused("its entries come to more than " + MAX_TOTAL_BYTES + " bytes uncompressed");
            }
            if (c.declared > (c.compressed + 4096) * MAX_RATIO) {
                throw new Refused("the entry " + shown + " would inflate " + (c.declared / Math.max(1, c.compressed))
                        + " times (a zip bomb?); at most " + MAX_RATIO + " times is read");
            }
            long[] record = new long[2];
            byte[] data = data(zip, c, centralName, shown, (int) offset, record);
            records.add(record);
            if (name.endsWith("/")) {
                if (data.length != 0) {
                    throw new Refused("the folder entry " + shown + " holds " + data.length + " bytes");
                }
                continue;
            }
            total += data.length;
            out.put(name, data);
        }
        if (at != eocd) {
            throw new Refused("its end record counts " + count + " entries, but its central directory holds more"
                    + " bytes (" + (eocd - at) + " after the last one counted), which another reader would take for"
                    + " more entries");
        }
        tiled(records, offset);
        return new PackageArchive(out);
    }

    /**
     * The one end record: the last signature within the end of the file (where a reader searching backwards finds it
     * first), whose comment reaches exactly the end of the file; refused when there is none, or when an earlier one
     * would do as well (a record hidden in another's comment: readers would disagree on which is the archive's).
     */
    private static int endRecord(byte[] zip) throws Refused {
        int found = -1;
        int fitting = 0;
        for (int i = zip.length - 22; i >= 0 && i >= zip.length - 22 - 65535; i--) {
            if (int32(zip, i) == EOCD) {
                boolean fits = i + 22 + int16(zip, i + 20) == zip.length;
                if (found < 0) {
                    if (!fits) {
                        throw new Refused("its last end-of-central-directory record (at " + i + ") does not end the"
                                + " file; readers would disagree on where the archive ends");
                    }
                    found = i;
                }
                fitting += fits ? 1 : 0;
            }
        }
        if (found < 0) {
            throw new Refused("it is not a ZIP archive (no end of central directory)");
        }
        if (fitting > 1) {
            throw new Refused("it holds " + fitting + " end-of-central-directory records that each end the file (one"
                    + " inside another's comment); readers would disagree on which directory is the archive's");
        }
        return found;
    }

    /** The local records must cover the file from its start to the central directory, one after another. */
    private static void tiled(List<long[]> records, long directory) throws Refused {
        records.sort((a, b) -> Long.compare(a[0], b[0]));
        long expected = 0;
        for (long[] r : records) {
            if (r[0] != expected) {
                throw new Refused(r[0] < expected ? "two entries share bytes at offset " + r[0]
                        : (r[0] - expected) + " bytes at offset " + expected + " belong to no entry of the central"
                        + " directory; a streaming reader (one that reads local headers from the start) would take"
                        + " them for more files");
            }
            expected = r[1];
        }
        if (expected != directory) {
            throw new Refused((directory - expected) + " bytes at offset " + expected + " belong to no entry of the"
                    + " central directory; a streaming reader (one that reads local headers from the start) would"
                    + " take them for more files");
        }
    }

    /** A central directory entry's fields. */
    private static final class Central {
        final int flags;
        final int method;
        final long crc;
        final long compressed;
        final long declared;
        final int nameLength;
        final int extraLength;
        final int commentLength;
        final int startDisk;
        final long external;
        final long local;

        Central(byte[] zip, int at) {
            flags = int16(zip, at + 8);
            method = int16(zip, at + 10);
            crc = uint32(zip, at + 16);
            compressed = uint32(zip, at + 20);
            declared = uint32(zip, at + 24);
            nameLength = int16(zip, at + 28);
            extraLength = int16(zip, at + 30);
            commentLength = int16(zip, at + 32);
            startDisk = int16(zip, at + 34);
            external = uint32(zip, at + 38);
            local = uint32(zip, at + 42);
        }
    }

    /** What is wrong with an entry's name, or null: it must be a relative path inside the archive. */
    static String badName(String name) {
        if (name.isEmpty()) {
            return "has no name";
        }
        if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) {
            return "is an absolute path; a package's names are relative to its root";
        }
        if (name.indexOf('\\') >= 0) {
            return "holds a backslash; a package's names use /";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return "leads out of the archive (..)";
            }
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20) {
                return "holds a control character";
            }
        }
        return null;
    }

    /**
     * An entry's data, from its local record, which must agree with its central entry; {@code record} gets the
     * record's extent (header, data and descriptor).
     */
    private static byte[] data(byte[] zip, Central c, int centralName, String shown, int limit, long[] record)
            throws Refused {
        int local = (int) c.local;
        if (local + 30 > limit || int32(zip, local) != LOCAL) {
            throw new Refused("the entry " + shown + " points at no local header");
        }
        int flags = int16(zip, local + 6);
        int method = int16(zip, local + 8);
        int nameLength = int16(zip, local + 26);
        if (method != c.method || (flags & ~0x6) != (c.flags & ~0x6)) { // bits 1-2 are deflate's speed only
            throw new Refused("the entry " + shown + "'s local header disagrees with its central entry (method "
                    + method + " against " + c.method + ", flags " + flags + " against " + c.flags + ")");
        }
        if (nameLength != c.nameLength || !regionEquals(zip, local + 30, centralName, nameLength)) {
            throw new Refused("the entry " + shown + "'s local header names another file; readers that trust local"
                    + " headers would extract it under that name");
        }
        boolean descriptor = (c.flags & 8) != 0;
        if (!descriptor && (uint32(zip, local + 14) != c.crc || uint32(zip, local + 18) != c.compressed
                || uint32(zip, local + 22) != c.declared)) {
            throw new Refused("the entry " + shown + "'s local header declares other sizes or another CRC than its"
                    + " central entry");
        }
        int start = local + 30 + nameLength + int16(zip, local + 28);
        if (start + c.compressed > limit) {
            throw new Refused("the entry " + shown + " runs past the end of its data");
        }
        long end = start + c.compressed;
        if (descriptor) {
            int d = (int) end;
            if (int32(zip, d) == 0x08074b50) {
                d += 4;
            }
            if (d + 12 > limit || uint32(zip, d) != c.crc || uint32(zip, d + 4) != c.compressed
                    || uint32(zip, d + 8) != c.declared) {
                throw new Refused("the entry " + shown + "'s data descriptor disagrees with its central entry");
            }
            end = d + 12;
        }
        record[0] = local;
        record[1] = end;
        byte[] data = content(zip, start, c, shown);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data, 0, data.length);
        if (crc.getValue() != c.crc) {
            throw new Refused("the entry " + shown + " does not hold the data its CRC declares (damaged, or changed"
                    + " after it was zipped)");
        }
        return data;
    }

    private static byte[] content(byte[] zip, int start, Central c, String shown) throws Refused {
        long compressed = c.compressed;
        long declared = c.declared;
        if (c.method == 0) {
            if (compressed != declared) {
                throw new Refused("the stored entry " + shown + " declares two sizes");
            }
            byte[] out = new byte[(int) compressed];
            System.arraycopy(zip, start, out, 0, out.length);
            return out;
        }
        if (c.method != 8) {
            throw new Refused("the entry " + shown + " uses compression method " + c.method + "; only stored and"
                    + " deflated are read");
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zip, start, (int) compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(declared, 1 << 20));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                if (out.size() + n > declared) {
                    throw new Refused("the entry " + shown + " inflates past the " + declared + " bytes it declares");
                }
                out.write(buffer, 0, n);
            }
            if (!inflater.finished()) {
                throw new Refused("the entry " + shown + "'s deflate stream does not end (its last block is missing);"
                        + " readers would disagree on what it holds");
            }
            if (inflater.getRemaining() != 0) {
                throw new Refused("the entry " + shown + " has " + inflater.getRemaining() + " bytes after the end of"
                        + " its deflate stream");
            }
            if (out.size() != declared) {
                throw new Refused("the entry " + shown + " inflates to " + out.size() + " bytes, not the " + declared
                        + " it declares");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new Refused("the entry " + shown + " is damaged (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    private static boolean regionEquals(byte[] b, int x, int y, int length) {
        if (x < 0 || y < 0 || x + length > b.length || y + length > b.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (b[x + i] != b[y + i]) {
                return false;
            }
        }
        return true;
    }

    private static String name(byte[] zip, int at, int length) throws Refused {
        byte[] bytes = new byte[length];
        System.arraycopy(zip, at, bytes, 0, length);
        if (Utf8.firstInvalid(bytes, 0) >= 0) {
            throw new Refused("an entry's name is not UTF-8");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int int16(byte[] b, int at) {
        return at + 2 > b.length || at < 0 ? -1 : (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return at + 4 > b.length || at < 0 ? 0 : (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16
                | (b[at + 3] & 0xff) << 24;
    }

    private static long uint32(byte[] b, int at) {
        return int32(b, at) & 0xFFFFFFFFL;
    }
}
