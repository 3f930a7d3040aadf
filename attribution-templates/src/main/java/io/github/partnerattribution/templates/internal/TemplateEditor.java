package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.core.support.Utf8;
import io.github.partnerattribution.templates.TemplateOptions;
import io.github.partnerattribution.templates.TemplateRole;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import io.github.partnerattribution.templates.internal.JsonModel.Scope;
import io.github.partnerattribution.templates.internal.JsonTree.Kind;
import io.github.partnerattribution.templates.internal.JsonTree.Member;
import io.github.partnerattribution.templates.internal.JsonTree.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Text edits of a JSON template that change nothing but the tracking resource: the file's own indentation, line
 * endings, comments, key order and byte order mark are kept, and every result is parsed again before it is
 * returned. What it refuses is an {@link EditRefused}, which the API turns into a {@code TemplateException}. Not API.
 */
public final class TemplateEditor {
    private final Path path;
    private final JsonModel model;
    private final String text;

    private TemplateEditor(Path path, JsonModel model) {
        this.path = path;
        this.model = model;
        this.text = model.text();
    }

    public static TemplateEditor of(Path path, byte[] bytes, TemplateOptions options) {
        TemplateRole role = TemplateRole.of(path);
        if (role != TemplateRole.MAIN) {
            throw new EditRefused("this is a " + role.name().toLowerCase(java.util.Locale.ROOT)
                    + " template; customer usage attribution belongs in the main template only (mainTemplate.json"
                    + " or azuredeploy.json). Nothing was changed.");
        }
        JsonModel model = JsonModel.of(path.toString(), bytes, options);
        JsonTree.SyntaxError invalid = model.syntaxError();
        if (invalid != null) {
            throw new EditRefused("invalid JSON at line " + invalid.line + ", column " + invalid.column + ": "
                    + invalid.getMessage() + ". Nothing was changed.");
        }
        if (!model.duplicates().isEmpty()) {
            JsonTree.Duplicate d = model.duplicates().get(0);
            throw new EditRefused("the property " + Text.quote(d.name) + " is defined twice in one object ("
                    + d.lines() + "): readers disagree on which one counts, so an edit could land in"
                    + " the one ARM ignores. Remove one of them first. Nothing was changed.");
        }
        if (model.resources() == null || !model.resources().isContainer()) {
            throw new EditRefused("not an ARM deployment template (no $schema ending in"
                    + " deploymentTemplate.json with a resources section). Nothing was changed.");
        }
        return new TemplateEditor(path, model);
    }

    /** The new bytes with the tracking resource added, or null when the same id is already there. */
    public byte[] add(PartnerId id, String apiVersion) {
        return add(id, apiVersion, null);
    }

    /**
     * The new bytes with the tracking resource added, deployed only under the opt-out parameter {@code optOut} (added
     * as a {@code bool} when the template has none of that name) when it is not null; null when the same id is
     * already there.
     */
    public byte[] add(PartnerId id, String apiVersion, String optOut) {
        for (Candidate t : topLevel()) {
            if (id.equals(t.id())) {
                return null;
            }
            throw new EditRefused("it already holds a tracking resource, " + Text.quote(t.raw())
                    + " at line " + t.resource().line + "; replace it instead (attribution template replace). Nothing"
                    + " was changed.");
        }
        if (optOut == null) {
            return verified(insert(block(id, apiVersion, null)), id, 1);
        }
        Node parameters = model.root().get("parameters");
        Node declared = parameter(parameters, optOut);
        String withParameter;
        if (declared != null) {
            Node type = declared.get("type");
            if (type == null || !"bool".equalsIgnoreCase(type.text())) {
                throw new EditRefused("its parameter " + Text.quote(optOut) + " at line " + declared.line + " is not a"
                        + " bool; an opt-out parameter is true or false. Nothing was changed.");
            }
            withParameter = text; // the template's own switch: used as it is
        } else if (parameters == null) {
            withParameter = insert(model.root(), "parameters", "{\n  \"" + optOut + "\": " + OptOut.parameterJson(optOut)
                    .replace("\n", "\n  ") + "\n}");
        } else if (parameters.kind == Kind.OBJECT) {
            withParameter = insert(parameters, optOut, OptOut.parameterJson(optOut));
        } else {
            throw new EditRefused("its parameters section at line " + parameters.line + " is not an object. Nothing was"
                    + " changed.");
        }
        TemplateEditor then = reread(withParameter);
        return verified(then.insert(then.block(id, apiVersion, OptOut.jsonCondition(optOut))), id, 1);
    }

    /** The new bytes without the tracking resources of {@code id} (or of any id when null), or null when none. */
    public byte[] remove(PartnerId id) {
        List<Candidate> doomed = new ArrayList<>();
        for (Candidate t : topLevel()) {
            if (id == null || id.equals(t.id())) {
                doomed.add(t);
            }
        }
        if (doomed.isEmpty()) {
            return null;
        }
        // every range is found in the text as read, then the ranges are merged and cut from the end backwards
        List<int[]> ranges = new ArrayList<>();
        for (Candidate t : doomed) {
            int inContainer = 0;
            for (Candidate other : doomed) {
                inContainer += other.container() == t.container() ? 1 : 0;
            }
            Node container = t.container();
            int size = container.kind == Kind.OBJECT ? container.members().size() : container.items().size();
            // every resource of the container goes: it is left empty, []
            ranges.addAll(inContainer == size && size > 1 ? range(container.start + 1, container.end() - 1)
                    : cut(container, t.resource()));
        }
        ranges.sort(Comparator.comparingInt((int[] r) -> r[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        StringBuilder updated = new StringBuilder(text);
        for (int i = merged.size() - 1; i >= 0; i--) {
            updated.delete(merged.get(i)[0], merged.get(i)[1]);
        }
        String removed = updated.toString();
        for (Candidate t : doomed) {
            String parameter = t.switchParameter();
            if (parameter != null) {
                removed = reread(removed).withoutOptOutParameter(parameter);
            }
        }
        return verified(removed, id, 0);
    }

    /** The new bytes with every tracking resource's literal name set to {@code id}, or the resource added if none. */
    public byte[] replace(PartnerId id, String apiVersion) {
        List<Candidate> present = topLevel();
        if (present.isEmpty()) {
            return add(id, apiVersion, null);
        }
        present.sort(Comparator.comparingInt((Candidate t) -> t.name().start).reversed());
        String updated = text;
        boolean changed = false;
        for (Candidate t : present) {
            if (!t.raw().regionMatches(true, 0, "pid-", 0, 4) || t.raw().contains("${")) {
                throw new EditRefused("the tracking resource's name " + Text.quote(t.raw())
                        + " at line " + t.name().line + " is an expression or placeholder; change it where it is built."
                        + " Nothing was changed.");
            }
            if (!id.equals(t.id())) {
                updated = updated.substring(0, t.name().start) + "\"" + id.token() + "\"" + updated.substring(JsonTree.endOf(t.name(), text));
                changed = true;
            }
        }
        return changed ? verified(updated, id, present.size()) : null;
    }

    /**
     * The new bytes with every top-level tracking resource's {@code apiVersion} set to {@code version}, and no other
     * byte changed; null when each already has it.
     */
    public byte[] setApiVersion(String version) {
        List<Candidate> present = topLevel();
        if (present.isEmpty()) {
            throw new EditRefused("it holds no tracking resource whose apiVersion could be set; add one (attribution"
                    + " template add). Nothing was changed.");
        }
        present.sort(Comparator.comparingInt((Candidate t) -> t.resource().start).reversed());
        StringBuilder updated = new StringBuilder(text);
        for (Candidate t : present) {
            TrackingModel.Property written = t.apiVersion(); // the model's reading: a literal has a value
            if (written == null || written.value == null) {
                throw new EditRefused("the tracking resource at line " + t.resource().line + " has "
                        + (written == null ? "no apiVersion" : "an apiVersion that is not a literal, "
                        + Text.quote(written.raw)) + "; write it as a literal. Nothing was changed.");
            }
            if (!written.value.equals(version)) {
                Node v = t.resource().get("apiVersion");
                updated.replace(v.start, JsonTree.endOf(v, text), "\"" + version + "\"");
            }
        }
        return updated.toString().equals(text) ? null : verified(updated.toString(), null, present.size());
    }

    /**
     * The text without the opt-out parameter {@link #add} wrote (its description says so) when nothing else reads it;
     * with its {@code parameters} section too when that is then empty and stands last, where add put it.
     */
    private String withoutOptOutParameter(String name) {
        Node parameters = model.root().get("parameters");
        Node declared = parameter(parameters, name);
        Node metadata = declared == null ? null : declared.get("metadata");
        Node description = metadata == null ? null : metadata.get("description");
        if (description == null || !OptOut.description(name).equals(description.text())
                || OptOut.readElsewhere(text, name, keyStart(parameters, declared), JsonTree.endOf(declared, text))) {
            return text; // gone already, the partner's own, or still read: it stays
        }
        List<Member> members = parameters.members();
        Member last = model.root().members().get(model.root().members().size() - 1);
        List<int[]> cut = members.size() == 1 && last.value == parameters ? cut(model.root(), parameters)
                : cut(parameters, declared);
        cut.sort(Comparator.comparingInt((int[] r) -> r[0]));
        StringBuilder out = new StringBuilder(text);
        for (int i = cut.size() - 1; i >= 0; i--) {
            out.delete(cut.get(i)[0], cut.get(i)[1]);
        }
        return out.toString();
    }

    /** The declaration of a parameter, its name in any case as ARM reads it; null when there is none. */
    private static Node parameter(Node parameters, String name) {
        if (parameters == null || parameters.kind != Kind.OBJECT) {
            return null;
        }
        for (Member m : parameters.members()) {
            if (m.name.equalsIgnoreCase(name)) {
                return m.value;
            }
        }
        return null;
    }

    /** An editor of an intermediate text of this file, in its byte order mark and options: one edit made on another. */
    private TemplateEditor reread(String updated) {
        return new TemplateEditor(path, JsonModel.of(model.file(), Utf8.bytes(updated, model.bom()), model.options()));
    }

    /** Tracking resources at the template's top level, decided ones only; undecided ones block edits. */
    private List<Candidate> topLevel() {
        List<Candidate> out = new ArrayList<>();
        for (Candidate t : model.sites()) {
            if (t.level() > 0 || t.container() != model.resources() || !t.decided()) {
                continue;
            }
            out.add(t);
        }
        return out;
    }

    /** The text with the resource block inserted as the last resource (under a fresh symbolic name when keyed). */
    private String insert(String block) {
        Node resources = model.resources();
        return insert(resources, resources.kind == Kind.OBJECT ? symbolicName(resources) : null, block);
    }

    /**
     * The text with {@code block} inserted as the last element of {@code container} (an array, or an object under
     * {@code key}), in the file's indentation and line endings, on lines of its own.
     */
    private String insert(Node container, String key, String block) {
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        String unit = indentUnit();
        boolean object = container.kind == Kind.OBJECT;
        int count = object ? container.members().size() : container.items().size();
        String member = object ? "\"" + key + "\": " : "";
        if (count == 0) {
            // the block on lines of its own after the bracket; what the array held (spaces, comments) stays after it,
            // so remove can take out exactly what was put in
            String outer = lineIndent(keyStart(model.root(), container));
            String inside = text.substring(container.start + 1, container.end() - 1);
            String indent = outer + unit;
            boolean onItsOwnLine = inside.startsWith("\n") || inside.startsWith("\r");
            String body = nl + indent + member + indentBlock(block, indent, unit, nl) + (onItsOwnLine ? "" : nl + outer);
            return text.substring(0, container.start + 1) + body + inside + text.substring(container.end() - 1);
        }
        int lastStart = object ? container.members().get(count - 1).nameStart : container.items().get(count - 1).start;
        int lastEnd = JsonTree.endOf(object ? container.members().get(count - 1).value : container.items().get(count - 1), text);
        String indent = lineIndent(lastStart);
        if (!isBlank(text.substring(lineStart(lastStart), lastStart))) {
            indent = lineIndent(keyStart(model.root(), container)) + unit;
        }
        int after = skipSpaceAndComments(lastEnd);
        boolean trailingComma = after < container.end() - 1 && text.charAt(after) == ',';
        int lineEnd = endOfLine(trailingComma ? after + 1 : lastEnd);
        if (lineEnd > container.end() - 1) {
            // the array closes on the same line: the comma goes right after the last element
            int at = trailingComma ? after + 1 : lastEnd;
            String entry = (trailingComma ? "" : ",") + nl + indent + member + indentBlock(block, indent, unit, nl);
            return text.substring(0, at) + entry + text.substring(at);
        }
        // The file's own style: the separating comma right after the last element (before a comment on its line), the
        // block on lines of its own after that line; remove takes out both, byte for byte.
        String entry = nl + indent + member + indentBlock(block, indent, unit, nl) + (trailingComma ? "," : "");
        if (trailingComma) {
            return text.substring(0, lineEnd) + entry + text.substring(lineEnd);
        }
        return text.substring(0, lastEnd) + "," + text.substring(lastEnd, lineEnd) + entry + text.substring(lineEnd);
    }

    /** The offset of the line break that ends the line holding {@code offset} (or the text's end). */
    private int endOfLine(int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The tracking resource as JSON lines, two-space indented; re-indented to the file's style on insertion. */
    private String block(PartnerId id, String apiVersion, String condition) {
        List<String> lines = new ArrayList<>();
        lines.add("{");
        if (condition != null) {
            lines.add("  \"condition\": \"" + condition + "\",");
        }
        lines.add("  \"type\": \"Microsoft.Resources/deployments\",");
        lines.add("  \"apiVersion\": \"" + apiVersion + "\",");
        lines.add("  \"name\": \"" + id.token() + "\",");
        if (model.scope() != Scope.RESOURCE_GROUP) {
            lines.add("  \"location\": \"[deployment().location]\",");
        }
        lines.add("  \"properties\": {");
        lines.add("    \"mode\": \"Incremental\",");
        lines.add("    \"template\": {");
        lines.add("      \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",");
        lines.add("      \"contentVersion\": \"1.0.0.0\",");
        lines.add("      \"resources\": []");
        lines.add("    }");
        lines.add("  }");
        lines.add("}");
        return String.join("\n", lines);
    }

    private static String indentBlock(String block, String indent, String unit, String nl) {
        StringBuilder out = new StringBuilder();
        String[] lines = block.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int spaces = 0;
            while (spaces < line.length() && line.charAt(spaces) == ' ') {
                spaces++;
            }
            if (i > 0) {
                out.append(nl).append(indent);
            }
            for (int level = 0; level < spaces / 2; level++) {
                out.append(unit);
            }
            out.append(line.substring(spaces));
        }
        return out.toString();
    }

    /**
     * Removes a tracking resource and what it owns, nothing else: its own lines when it stands on lines of its own,
     * and the one comma that separated it. What {@link #add} inserted is taken out exactly, so add then remove gives
     * the original bytes back; comments and spaces around a resource the partner wrote stay where they are.
     */
    private List<int[]> cut(Node container, Node value) {
        boolean object = container.kind == Kind.OBJECT;
        List<int[]> spans = new ArrayList<>();
        if (object) {
            for (Member m : container.members()) {
                spans.add(new int[] {m.nameStart, JsonTree.endOf(m.value, text)});
            }
        } else {
            for (Node item : container.items()) {
                spans.add(new int[] {item.start, JsonTree.endOf(item, text)});
            }
        }
        int index = -1;
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i)[1] == value.end()) {
                index = i;
            }
        }
        int start = spans.get(index)[0];
        int end = spans.get(index)[1];
        int after = skipSpaceAndComments(end);
        boolean commaAfter = after < container.end() - 1 && text.charAt(after) == ',';
        if (spans.size() == 1) {
            // the only resource: what add wrote into an empty array was a line break, the block, a line break and the
            // closing line's indentation, before what the array held
            String closing = lineBreakAt(end) + lineIndent(keyStart(model.root(), container));
            int from = container.start + 1;
            if (isBlank(text.substring(from, start)) && !closing.isEmpty() && text.startsWith(closing, end)
                    && !commaAfter) {
                return range(from, end + closing.length());
            }
            return range(from, container.end() - 1);
        }
        if (index < spans.size() - 1 || commaAfter) {
            // the comma after it is its own; it goes with the resource's lines when nothing else shares them
            int commaEnd = commaAfter ? after + 1 : end;
            if (ownsLines(start, commaEnd)) {
                int lineBreakBefore = lineStart(start) - lineBreakBefore(lineStart(start)).length();
                if (index == spans.size() - 1) {
                    return range(lineBreakBefore, commaEnd); // a trailing comma: the line before keeps its own
                }
                return range(lineStart(start), endOfLine(commaEnd) + lineBreakAt(endOfLine(commaEnd)).length());
            }
            return range(start, index < spans.size() - 1 ? spans.get(index + 1)[0] : commaEnd);
        }
        // the last resource: the comma before it is its own
        int comma = skipSpaceAndComments(spans.get(index - 1)[1]);
        if (comma >= start || text.charAt(comma) != ',') {
            return range(spans.get(index - 1)[1], end);
        }
        if (isBlank(text.substring(lineStart(comma), comma)) && lineStart(comma) > 0) {
            // add's shape: a line of its own that the comma leads
            int from = lineStart(comma) - lineBreakBefore(lineStart(comma)).length();
            if (isBlank(text.substring(comma + 1, start))) {
                return range(from, end);
            }
        }
        if (ownsLines(start, end)) {
            // "prev," then the resource on lines of its own: the comma goes, the previous line's comments stay
            int from = lineStart(start) - lineBreakBefore(lineStart(start)).length();
            List<int[]> both = new ArrayList<>(range(comma, comma + 1));
            both.addAll(range(from, end));
            return both;
        }
        return range(comma, end);
    }

    /** The one range {@code [from, to)} of the text. */
    private static List<int[]> range(int from, int to) {
        List<int[]> one = new ArrayList<>(1);
        one.add(new int[] {from, to});
        return one;
    }

    /** Whether {@code [start, end)} stands on lines of its own: only blanks before it on its first line and after it. */
    private boolean ownsLines(int start, int end) {
        return isBlank(text.substring(lineStart(start), start)) && isBlank(text.substring(end, endOfLine(end)));
    }

    /** The line break that starts at {@code offset}: CRLF, LF or CR; empty when none does. */
    private String lineBreakAt(int offset) {
        if (text.startsWith("\r\n", offset)) {
            return "\r\n";
        }
        return offset < text.length() && (text.charAt(offset) == '\n' || text.charAt(offset) == '\r')
                ? text.substring(offset, offset + 1) : "";
    }

    /** The line break that ends just before {@code lineStart}; empty at the text's start. */
    private String lineBreakBefore(int lineStart) {
        if (lineStart >= 2 && text.startsWith("\r\n", lineStart - 2)) {
            return "\r\n";
        }
        return lineStart >= 1 ? text.substring(lineStart - 1, lineStart) : "";
    }

    /** Parses the result again: it must be valid, and hold the expected number of tracking resources of the id. */
    private byte[] verified(String updated, PartnerId id, int expected) {
        byte[] bytes = Utf8.bytes(updated, model.bom());
        JsonModel again = JsonModel.of(model.file(), bytes, model.options());
        int found = 0;
        for (Candidate t : again.sites()) {
            if (t.level() == 0 && (id == null || id.equals(t.id()))) {
                found++;
            }
        }
        if (again.syntaxError() != null || found != expected) {
            throw new EditRefused("the edit did not produce the expected template (a bug: please report"
                    + " it with the file). Nothing was changed.");
        }
        return bytes;
    }

    private String symbolicName(Node resources) {
        String name = "partnerAttribution";
        for (int i = 2; resources.get(name) != null; i++) {
            name = "partnerAttribution" + i;
        }
        return name;
    }

    /** The indentation unit the file uses: that of its first nested line, else two spaces. */
    private String indentUnit() {
        Node root = model.root();
        if (!root.members().isEmpty()) {
            int first = root.members().get(0).nameStart;
            String indent = lineIndent(first);
            String outer = lineIndent(root.start);
            if (indent.length() > outer.length() && indent.startsWith(outer)
                    && isBlank(text.substring(lineStart(first), first))) {
                return indent.substring(outer.length());
            }
        }
        return "  ";
    }

    private int keyStart(Node owner, Node value) {
        for (Member m : owner.members()) {
            if (m.value == value) {
                return m.nameStart;
            }
        }
        return value.start;
    }

    private int lineStart(int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    private String lineIndent(int offset) {
        int start = lineStart(offset);
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    private int skipSpaceAndComments(int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? text.length() : close + 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isBlank(String s) {
        return s.trim().isEmpty();
    }
}
