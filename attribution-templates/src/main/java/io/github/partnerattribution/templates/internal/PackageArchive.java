package io.github.partnerattribution.templates.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
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
    public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
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

    /** Reads an archive's bytes. */
    public static PackageArchive read(byte[] zip) throws Refused {
        int eocd = -1;
        for (int i = zip.length - 22; i >= 0 && i >= zip.length - 22 - 65535; i--) {
            if (int32(zip, i) == EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new Refused("it is not a ZIP archive (no end of central directory)");
        }
        int count = int16(zip, eocd + 10);
        long size = uint32(zip, eocd + 12);
        long offset = uint32(zip, eocd + 16);
        if (count == 0xFFFF || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
            throw new Refused("it is a ZIP64 archive, which is not read; a deployment package is far smaller");
        }
        if (count > MAX_ENTRIES) {
            throw new Refused("it has " + count + " entries; at most " + MAX_ENTRIES + " are read");
        }
        if (offset + size > eocd) {
            throw new Refused("its central directory lies outside the file");
        }
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        long total = 0;
        int at = (int) offset;
        for (int n = 0; n < count; n++) {
            if (at + 46 > eocd || int32(zip, at) != CENTRAL) {
                throw new Refused("its central directory is damaged at entry " + (n + 1));
            }
            int madeBy = int16(zip, at + 4);
            int flags = int16(zip, at + 8);
            int method = int16(zip, at + 10);
            long compressed = uint32(zip, at + 20);
            long declared = uint32(zip, at + 24);
            int nameLength = int16(zip, at + 28);
            int extraLength = int16(zip, at + 30);
            int commentLength = int16(zip, at + 32);
            long external = uint32(zip, at + 38);
            long local = uint32(zip, at + 42);
            if (at + 46 + nameLength > eocd) {
                throw new Refused("its central directory is damaged at entry " + (n + 1));
            }
            String name = name(zip, at + 46, nameLength);
            at += 46 + nameLength + extraLength + commentLength;
            String shown = io.github.partnerattribution.core.internal.Text.quote(name);
            if (compressed == 0xFFFFFFFFL || declared == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                throw new Refused("the entry " + shown + " is in ZIP64 form, which is not read");
            }
            if ((madeBy >> 8) == 3 && ((external >>> 16) & 0xF000) == 0xA000) {
                throw new Refused("the entry " + shown + " is a symbolic link; a package holds plain files only");
            }
            String problem = badName(name);
            if (problem != null) {
                throw new Refused("the entry " + shown + " " + problem);
            }
            String folded = name.toLowerCase(Locale.ROOT);
            String first = seen.put(folded, name);
            if (first != null) {
                throw new Refused("the name " + shown + " is in it twice" + (first.equals(name) ? "" : " (as "
                        + io.github.partnerattribution.core.internal.Text.quote(first) + ")")
                        + "; which one would be used cannot be told");
            }
            if (name.endsWith("/")) {
                continue; // a folder
            }
            if ((flags & 1) != 0) {
                throw new Refused("the entry " + shown + " is encrypted");
            }
            if (declared > MAX_TOTAL_BYTES - total) {
                throw new Refused("its entries come to more than " + MAX_TOTAL_BYTES + " bytes uncompressed");
            }
            if (declared > (compressed + 4096) * MAX_RATIO) {
                throw new Refused("the entry " + shown + " would inflate " + (declared / Math.max(1, compressed))
                        + " times (a zip bomb?); at most " + MAX_RATIO + " times is read");
            }
            byte[] data = data(zip, (int) local, compressed, declared, method, shown, eocd);
            total += data.length;
            out.put(name, data);
        }
        return new PackageArchive(out);
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

    private static byte[] data(byte[] zip, int local, long compressed, long declared, int method, String shown,
            int limit) throws Refused {
        if (local + 30 > limit || int32(zip, local) != LOCAL) {
            throw new Refused("the entry " + shown + " points at no local header");
        }
        int start = local + 30 + int16(zip, local + 26) + int16(zip, local + 28);
        if (start + compressed > limit) {
            throw new Refused("the entry " + shown + " runs past the end of the archive");
        }
        if (method == 0) {
            if (compressed != declared) {
                throw new Refused("the stored entry " + shown + " declares two sizes");
            }
            byte[] out = new byte[(int) compressed];
            System.arraycopy(zip, start, out, 0, out.length);
            return out;
        }
        if (method != 8) {
            throw new Refused("the entry " + shown + " uses compression method " + method + "; only stored and"
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
