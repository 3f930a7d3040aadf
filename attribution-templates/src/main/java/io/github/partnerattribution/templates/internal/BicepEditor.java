package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.internal.Text;
import io.github.partnerattribution.templates.internal.TrackingModel.NameKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text edits of a Bicep file that change nothing but the tracking resource: {@code remove} takes the declaration, its
 * decorators and the blank line before it, so it undoes {@code add} byte for byte; {@code replace} rewrites the
 * name's literal. Every result is read again before it is returned. Not API.
 *
 * <pre>{@code
 * String after = BicepEditor.of(path, text).remove(partnerId); // null when there is none
 * }</pre>
 */
public final class BicepEditor {
    private final Path path;
    private final String text;
    private final BicepModel model;

    private BicepEditor(Path path, String text, BicepModel model) {
        this.path = path;
        this.text = text;
        this.model = model;
    }

    /** An editor of a Bicep file's text, read beside {@code path} for the files it loads. */
    public static BicepEditor of(Path path, String text) {
        BicepModel model = BicepModel.of(path.toString(), text, io.github.partnerattribution.templates.TemplateRole.MAIN,
                path.toAbsolutePath().getParent());
        return new BicepEditor(path, text, model);
    }

    /** The text without the tracking resources of {@code id} (of any id when null), or null when there is none. */
    public String remove(PartnerId id) {
        List<BicepModel.Declaration> doomed = tracking(id);
        if (doomed.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = doomed.size() - 1; i >= 0; i--) { // from the end, so earlier offsets hold
            int[] range = range(doomed.get(i));
            out.delete(range[0], range[1]);
        }
        return verified(out.toString(), id, 0);
    }

    /**
     * The text with every tracking resource's literal name set to {@code id}, or null when it already is; an
     * interpolated name is refused, since what builds it is elsewhere.
     *
     * @return the new text, or null when nothing changes; the caller adds a resource when there is none
     */
    public String replace(PartnerId id) {
        List<BicepModel.Declaration> present = tracking(null);
        StringBuilder out = new StringBuilder(text);
        boolean changed = false;
        for (int i = present.size() - 1; i >= 0; i--) {
            BicepModel.Declaration d = present.get(i);
            String raw = d.raw().trim();
            boolean literal = raw.length() > 2 && raw.startsWith("'") && raw.endsWith("'") && !raw.contains("${")
                    && raw.regionMatches(true, 1, "pid-", 0, 4);
            if (!literal) {
                throw new EditRefused("the tracking resource's name " + Text.quote(d.raw()) + " at line "
                        + d.namePosition().line + " is built by an expression; change it where it is built. Nothing"
                        + " was changed.");
            }
            if (!id.equals(d.id())) {
                out.replace(d.nameStart, d.nameEnd, "'" + id.token() + "'");
                changed = true;
            }
        }
        return changed ? verified(out.toString(), id, present.size()) : null;
    }

    /** {@return whether the file holds a tracking resource at all} */
    public boolean holdsTracking() {
        return !tracking(null).isEmpty();
    }

    private List<BicepModel.Declaration> tracking(PartnerId id) {
        List<BicepModel.Declaration> out = new ArrayList<>();
        for (BicepModel.Declaration d : model.candidates()) {
            if (d.kind() == NameKind.TRACKING && d.decided() && (id == null || id.equals(d.id()))
                    && (out.isEmpty() || out.get(out.size() - 1).start != d.start)) { // one per declaration, not branch
                out.add(d);
            }
        }
        return out;
    }

    /** The declaration's lines with its decorators, and the blank line before it when there is one. */
    private int[] range(BicepModel.Declaration d) {
        int from = lineStart(d.start);
        while (from > 0) { // decorators (@description(...), @batchSize(...)) on the lines just above
            int previous = lineStart(from - 1);
            if (!text.substring(previous, from).trim().startsWith("@")) {
                break;
            }
            from = previous;
        }
        int to = d.end;
        while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '\t')) {
            to++;
        }
        if (text.startsWith("\r\n", to)) {
            to += 2;
        } else if (to < text.length() && (text.charAt(to) == '\n' || text.charAt(to) == '\r')) {
            to++;
        } else if (to < text.length()) {
            return new int[] {d.start, d.end}; // something else shares the line: only the declaration goes
        }
        if (from > 0) {
            int previous = lineStart(from - 1);
            if (text.substring(previous, from).trim().isEmpty()) {
                from = previous; // the blank line that set it apart
            }
        }
        return new int[] {from, to};
    }

    private int lineStart(int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    /** Reads the result again: it must hold the expected number of tracking resources of the id. */
    private String verified(String updated, PartnerId id, int expected) {
        BicepModel again = BicepModel.of(path.toString(), updated, io.github.partnerattribution.templates.TemplateRole.MAIN,
                path.toAbsolutePath().getParent());
        int found = 0;
        for (PartnerId each : again.ids()) {
            found += id == null || id.equals(each) ? 1 : 0;
        }
        if (found != expected) {
            throw new EditRefused("the edit did not produce the expected file (a bug: please report it with the"
                    + " file). Nothing was changed.");
        }
        return updated;
    }
}
