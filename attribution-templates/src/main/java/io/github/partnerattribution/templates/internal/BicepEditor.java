package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.templates.internal.BicepSyntax.Kind;
import io.github.partnerattribution.templates.internal.TrackingModel.NameKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits of a Bicep file that change nothing but the tracking resource, made at the syntax tree's positions:
 * {@code add} appends a declaration (a symbol no declaration or import takes, {@code location} where the tree's
 * {@code targetScope} needs it); {@code remove} takes the declaration with its decorators (one line or many) and the
 * blank line before it, so it undoes {@code add} byte for byte, in any line endings; {@code replace} rewrites the
 * name's literal. A file that ends inside a string or comment is refused, and every result is read again before it
 * is returned. Not API.
 *
 * <pre>{@code
 * String after = BicepEditor.of(text, loader).remove(partnerId); // null when there is none
 * }</pre>
 */
public final class BicepEditor {
    private final String text;
    private final BicepSyntax.File syntax;
    private final BicepModel model;
    private final BicepModel.Loader loader;

    private BicepEditor(String text, BicepSyntax.File syntax, BicepModel model, BicepModel.Loader loader) {
        this.text = text;
        this.syntax = syntax;
        this.model = model;
        this.loader = loader;
    }

    /** An editor of a Bicep file's text; {@code loader} answers for the files beside it. */
    public static BicepEditor of(String file, String text, BicepModel.Loader loader) {
        BicepSyntax.File syntax = BicepParser.parse(text);
        return new BicepEditor(text, syntax, BicepModel.of(file, syntax, loader), loader);
    }

    /** {@return the model the edits are made from} */
    public BicepModel model() {
        return model;
    }

    /**
     * The text with a tracking resource for {@code id} appended, or null when it is already there.
     *
     * @throws EditRefused for a library of types or functions, another id already there, or a file that ends inside
     *     a string or a comment
     */
    public String add(PartnerId id, String apiVersion) {
        return add(id, apiVersion, null);
    }

    /**
     * The text with a tracking resource for {@code id} appended, deployed only under the opt-out parameter
     * {@code optOut} when it is not null (declared above it, a {@code bool}, unless the file has one of that name);
     * null when the id is already there.
     */
    public String add(PartnerId id, String apiVersion, String optOut) {
        if (!model.deployable()) {
            throw new EditRefused("it only declares types or functions (no resource, module or output): it is a"
                    + " library other files import, not a deployable template, so it takes no tracking resource."
                    + " Nothing was changed.");
        }
        refuseUnterminated();
        if (model.holds(id)) {
            return null;
        }
        if (!model.ids().isEmpty()) {
            throw new EditRefused("it already holds a tracking resource for " + model.ids().get(0)
                    + "; replace it instead (attribution template replace). Nothing was changed.");
        }
        BicepSyntax.Declaration parameter = optOut == null ? null : parameter(syntax, optOut);
        if (parameter != null && (parameter.type == null || !"bool".equals(parameter.type.text))) {
            throw new EditRefused("its parameter " + Text.quote(optOut) + " at line "
                    + syntax.position(parameter.keywordStart).line + " is not a bool; an opt-out parameter is true or"
                    + " false. Nothing was changed.");
        }
        if (optOut != null && parameter == null && syntax.declares(optOut)) {
            throw new EditRefused("it already declares " + Text.quote(optOut) + " as something other than a"
                    + " parameter; choose another name. Nothing was changed.");
        }
        String updated = BicepModel.withTrackingResource(text, syntax, id, apiVersion, optOut, parameter != null);
        BicepSyntax.File reread = BicepParser.parse(updated);
        // what was added (the opt-out parameter when one was, then the resource) must be declarations of their own
        List<BicepSyntax.Declaration> fresh = new ArrayList<>(2);
        for (BicepSyntax.Declaration d : reread.declarations) {
            if (d.end > text.length()) {
                if (d.start < text.length()) {
                    // what the file ends with took the new declaration in: a decorator with nothing under it
                    throw new EditRefused("the file ends with text that would take the added resource in (line "
                            + reread.position(d.start).line + ", such as a decorator with no declaration under it);"
                            + " complete or remove it first. Nothing was changed.");
                }
                fresh.add(d);
            }
        }
        BicepSyntax.Declaration last = fresh.isEmpty() ? null : fresh.get(fresh.size() - 1);
        if (fresh.size() != (optOut != null && parameter == null ? 2 : 1) || !last.keyword.equals("resource")
                || last.end != updated.lastIndexOf('}') + 1) {
            throw new EditRefused("the added resource would not be read as a declaration of its own at the end of the"
                    + " file; check the file's last lines. Nothing was changed.");
        }
        return verified(updated, reread, id, 1);
    }

    /** The text without the tracking resources of {@code id} (of any id when null), or null when there is none. */
    public String remove(PartnerId id) {
        List<BicepModel.Declaration> doomed = tracking(id);
        if (doomed.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = doomed.size() - 1; i >= 0; i--) { // from the end, so earlier offsets hold
            int[] range = range(doomed.get(i).declaration);
            out.delete(range[0], range[1]);
        }
        String removed = out.toString();
        for (BicepModel.Declaration d : doomed) {
            if (d.switchParameter() != null) {
                removed = withoutOptOutParameter(removed, d.switchParameter());
            }
        }
        return verified(removed, BicepParser.parse(removed), id, 0);
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
            BicepSyntax.Node name = d.nameNode;
            boolean literal = name.kind == Kind.STRING && text.charAt(name.start) == '\''
                    && !text.startsWith("'''", name.start) && d.complete();
            if (!literal) {
                throw new EditRefused("the tracking resource's name " + Text.quote(d.raw()) + " at line "
                        + d.namePosition().line + " is built by an expression; change it where it is built. Nothing"
                        + " was changed.");
            }
            if (!id.equals(d.id())) {
                out.replace(name.start, name.end, "'" + id.token() + "'");
                changed = true;
            }
        }
        if (!changed) {
            return null;
        }
        String replaced = out.toString();
        return verified(replaced, BicepParser.parse(replaced), id, present.size());
    }

    /**
     * The text with every top-level tracking resource's {@code apiVersion} (the part of its type after {@code @}) set
     * to {@code version}, no other character changed; null when each already has it.
     */
    public String setApiVersion(String version) {
        List<BicepModel.Declaration> present = tracking(null);
        if (present.isEmpty()) {
            throw new EditRefused("it holds no tracking resource whose apiVersion could be set; add one (attribution"
                    + " template add). Nothing was changed.");
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = present.size() - 1; i >= 0; i--) {
            BicepModel.Declaration d = present.get(i);
            BicepSyntax.Node type = d.declaration.typeOrPath;
            int[] span = type == null || type.kind != Kind.STRING || d.module() ? null
                    : BicepModel.versionSpan(text.substring(type.start, type.end));
            if (span == null) {
                throw new EditRefused("the tracking resource at line " + d.position().line + " has no literal type"
                        + " with an apiVersion to set. Nothing was changed.");
            }
            out.replace(type.start + span[0], type.start + span[1], version);
        }
        String updated = out.toString();
        return updated.equals(text) ? null : verified(updated, BicepParser.parse(updated), null, present.size());
    }

    /** The parameter declaration of this name, or null. */
    private static BicepSyntax.Declaration parameter(BicepSyntax.File syntax, String name) {
        for (BicepSyntax.Declaration d : syntax.declarations) {
            if (d.keyword.equals("param") && d.symbol.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /**
     * The text without the opt-out parameter {@link #add} wrote (its description says so) when nothing else reads
     * it: its decorator and lines, and the blank line before them.
     */
    private String withoutOptOutParameter(String removed, String name) {
        BicepSyntax.File reread = BicepParser.parse(removed);
        BicepSyntax.Declaration d = parameter(reread, name);
        String written = d == null ? "" : removed.substring(d.start, d.end).replace("\r\n", "\n").replace('\r', '\n');
        if (!written.equals(OptOut.bicepParameter(name, "\n")) || OptOut.readElsewhere(removed, name, d.start, d.end)) {
            return removed; // gone already, the partner's own, or still read: it stays
        }
        int[] range = new BicepEditor(removed, reread, model, loader).range(d);
        return removed.substring(0, range[0]) + removed.substring(range[1]);
    }

    /** {@return whether the file holds a tracking resource at all} */
    public boolean holdsTracking() {
        return !tracking(null).isEmpty();
    }

    private void refuseUnterminated() {
        for (BicepSyntax.Diagnostic d : syntax.diagnostics) {
            if (d.unterminated) {
                TrackingModel.Position at = syntax.position(d.offset);
                throw new EditRefused("the file ends inside a string or comment that is never closed (" + d.message
                        + ", line " + at.line + "); a resource added at its end would be part of it. Close it first."
                        + " Nothing was changed.");
            }
        }
    }

    /** The top-level tracking declarations of the id, one per declaration (not per branch of its name). */
    private List<BicepModel.Declaration> tracking(PartnerId id) {
        List<BicepModel.Declaration> out = new ArrayList<>();
        for (BicepModel.Declaration d : model.candidates()) {
            if (d.kind() == NameKind.TRACKING && d.decided() && d.declaration != null && d.level() == 0
                    && (id == null || id.equals(d.id()))
                    && (out.isEmpty() || out.get(out.size() - 1).declaration != d.declaration)) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The declaration's lines, its decorators included, with its line break, and the blank line before it when there
     * is one; at the end of a file without a final line break, the line break before it instead.
     */
    private int[] range(BicepSyntax.Declaration d) {
        int from = lineStart(d.start);
        if (!text.substring(from, d.start).trim().isEmpty()) {
            return new int[] {d.start, d.end}; // something else shares its first line: only the declaration goes
        }
        int to = d.end;
        while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '\t')) {
            to++;
        }
        boolean lastLine = to == text.length();
        if (text.startsWith("\r\n", to)) {
            to += 2;
        } else if (to < text.length() && (text.charAt(to) == '\n' || text.charAt(to) == '\r')) {
            to++;
        } else if (!lastLine) {
            return new int[] {d.start, d.end}; // something else shares its last line
        }
        if (from > 0) {
            int previous = lineStart(lineBreakBefore(from));
            if (text.substring(previous, from).trim().isEmpty()) {
                from = previous; // the blank line that set it apart
            }
        }
        if (lastLine && from > 0) {
            from = lineBreakBefore(from); // the last line has no line break: the one before it goes
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

    /** Where the line break that ends the line before {@code lineStart} begins. */
    private int lineBreakBefore(int lineStart) {
        int i = lineStart;
        if (i > 0 && text.charAt(i - 1) == '\n') {
            i--;
        }
        if (i > 0 && text.charAt(i - 1) == '\r') {
            i--;
        }
        return i;
    }

    /**
     * The result, read again ({@code reread}, its tree): it must hold the expected number of tracking resources of the
     * id and no syntax error the original had not.
     */
    private String verified(String updated, BicepSyntax.File reread, PartnerId id, int expected) {
        BicepModel again = BicepModel.of(model.file(), reread, loader);
        int found = 0;
        for (PartnerId each : again.ids()) {
            found += id == null || id.equals(each) ? 1 : 0;
        }
        if (found != expected || reread.diagnostics.size() > syntax.diagnostics.size()) {
            throw new EditRefused("the edit did not produce the expected file (a bug: please report it with the"
                    + " file). Nothing was changed.");
        }
        return updated;
    }
}
