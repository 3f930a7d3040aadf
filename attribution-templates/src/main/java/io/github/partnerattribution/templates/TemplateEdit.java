package io.github.partnerattribution.templates;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What an edit of a template did (or, in a dry run, would do): the file, its bytes before and after, and whether
 * they differ and were written.
 *
 * <pre>{@code
 * TemplateEdit edit = ArmTemplates.add(path, partnerId);
 * System.out.println(edit.changed() ? "added" : "already there, nothing changed");
 * }</pre>
 */
public final class TemplateEdit {
    private final Path file;
    private final byte[] before;
    private final byte[] after;
    private final boolean written;

    TemplateEdit(Path file, byte[] before, byte[] after, boolean written) {
        this.file = file;
        this.before = before;
        this.after = after;
        this.written = written;
    }

    /** {@return the template} */
    public Path file() {
        return file;
    }

    /** {@return whether the content changes} */
    public boolean changed() {
        return !Arrays.equals(before, after);
    }

    /** {@return whether the new content was written to the file (false in a dry run or when nothing changes)} */
    public boolean written() {
        return written;
    }

    /** {@return the content before, as UTF-8 text (a byte order mark included when the file has one)} */
    public String before() {
        return new String(before, StandardCharsets.UTF_8);
    }

    /** {@return the content after, as UTF-8 text} */
    public String after() {
        return new String(after, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TemplateEdit[" + file + (changed() ? written ? ", written" : ", not written" : ", unchanged") + "]";
    }
}
