package io.github.partnerattribution.templates.internal;

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
}
