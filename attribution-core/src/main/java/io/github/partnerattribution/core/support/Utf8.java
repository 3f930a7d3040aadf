package io.github.partnerattribution.core.support;

import java.nio.charset.StandardCharsets;

/** UTF-8 template content with an optional byte order mark, which edits keep. Not API. */
public final class Utf8 {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Utf8() {
    }

    /** Whether the content starts with a UTF-8 byte order mark. */
    public static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    /** The content as text, without its byte order mark. */
    public static String text(byte[] bytes) {
        int skip = hasBom(bytes) ? 3 : 0;
        return new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8);
    }

    /** The text as bytes, with a byte order mark in front when {@code bom}. */
    public static byte[] bytes(String text, boolean bom) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[body.length + 3];
        System.arraycopy(BOM, 0, out, 0, 3);
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    /**
     * The offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong forms, surrogates and
     * values past U+10FFFF included), or -1 when the whole content is UTF-8. Nothing is "repaired": a caller refuses
     * such content rather than decode it with replacement characters.
     */
    public static int firstInvalid(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                min = 0x10000;
            } else {
                return i;
            }
            int value = b & (0x3f >> need);
            for (int k = 1; k <= need; k++) {
                if (i + k >= bytes.length || (bytes[i + k] & 0xc0) != 0x80) {
                    return i;
                }
                value = (value << 6) | (bytes[i + k] & 0x3f);
            }
            if (value < min || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                return i;
            }
            i += need + 1;
        }
        return -1;
    }
}
