package io.github.partnerattribution.templates.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.templates.ArmTemplates;
import io.github.partnerattribution.templates.Finding;
import io.github.partnerattribution.templates.Rule;
import io.github.partnerattribution.templates.ScanReport;
import io.github.partnerattribution.templates.ScannedTemplate;
import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.TemplateRole;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * The three forms of a {@link ScanReport}: text for people, JSON for scripts, SARIF for code-scanning tools. File
 * names come from the disk and are written as data: escaped for a terminal in text (an escape sequence or a line
 * break in a name cannot drive the terminal or forge a line), as JSON strings in JSON, and in SARIF as RFC 3986
 * references relative to {@code %SRCROOT%} that decode to the same name. Not API.
 */
public final class ReportRenderers {
    private ReportRenderers() {
    }

    /**
     * One line per template and per finding, then a summary. Every path is relative to the report's root, findings'
     * included (absolute when it is not under the root), and the summary names the root when it is not the current
     * folder. A package's parts are listed under
     * it, and a part is "ok" only when no finding, the package's own included, is about it.
     */
    public static String text(ScanReport report) {
        StringBuilder out = new StringBuilder();
        List<ScannedTemplate> templates = report.templates();
        java.util.Set<ScannedTemplate> listed = new java.util.HashSet<>();
        for (ScannedTemplate t : templates) {
            if (listed.contains(t)) {
                continue;
            }
            line(out, "", report, t, java.util.Collections.<Finding>emptyList());
            if (t.role() == TemplateRole.PACKAGE) {
                Path inside = PackageModel.inside(t.file().toString());
                for (ScannedTemplate part : templates) {
                    if (part.role() != TemplateRole.PACKAGE && part.file().startsWith(inside)) {
                        line(out, "  ", report, part, t.findings());
                        listed.add(part);
                    }
                }
            }
        }
        int packages = report.count(TemplateRole.PACKAGE);
        int checked = templates.size() - packages;
        Path here = Paths.get("").toAbsolutePath().normalize();
        Path root = report.root().toAbsolutePath().normalize();
        out.append(plural(checked, "template")).append(" checked")
                .append(packages == 0 ? "" : " (in " + plural(packages, "package") + ")")
                .append(root.equals(here) ? "" : ", paths relative to " + Text.printable(report.root().toString()))
                .append(": ")
                .append(plural(report.count(Severity.ERROR), "error")).append(", ")
                .append(plural(report.count(Severity.WARNING), "warning")).append(", ")
                .append(plural(report.count(Severity.INFO), "note")).append('\n');
        for (String note : report.notes()) {
            out.append("note: ").append(Text.printable(note)).append('\n');
        }
        return out.toString();
    }

    /**
     * A template's line and its findings, indented; "ok" only when neither its findings nor {@code about} (its
     * package's) name it.
     */
    private static void line(StringBuilder out, String indent, ScanReport report, ScannedTemplate t,
            List<Finding> about) {
        String name = shown(report.root(), t.file());
        boolean named = false;
        for (Finding f : about) {
            named |= shown(report.root(), Paths.get(f.file())).equals(name);
        }
        boolean ok = t.findings().isEmpty() && !named;
        out.append(indent).append(t.role().name().toLowerCase(Locale.ROOT)).append("  ").append(Text.printable(name))
                .append(ok ? "  ok" : "");
        // which id it found: what a wrong channel's or a colleague's GUID would show, on every line that has one
        for (int i = 0; i < t.partnerIds().size(); i++) {
            out.append(i == 0 ? "  " : ", ").append(t.partnerIds().get(i).token());
        }
        if (ok && t.partnerIds().isEmpty() && t.role() != TemplateRole.PACKAGE) {
            out.append("  no partner id");
        }
        if (named) {
            out.append("  (see the package's finding above)");
        }
        out.append('\n');
        for (Finding f : t.findings()) {
            out.append(indent).append("  ").append(Text.printable(shown(report.root(), Paths.get(f.file())) + ":"
                    + f.line() + ":" + f.column() + ": " + f.severity().name().toLowerCase(Locale.ROOT) + " " + f.code()
                    + ": " + f.message() + " Fix: " + f.hint())).append('\n');
        }
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    public static String json(ScanReport report) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("root", report.root().toString());
            g.writeArrayFieldStart("templates");
            for (ScannedTemplate t : report.templates()) {
                g.writeStartObject();
                g.writeStringField("file", relativeName(report.root(), t.file()));
                g.writeStringField("role", t.role().name().toLowerCase(Locale.ROOT));
                g.writeArrayFieldStart("partnerIds");
                for (io.github.partnerattribution.core.PartnerId id : t.partnerIds()) {
                    g.writeString(id.token());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("findings");
                for (Finding f : t.findings()) {
                    writeFinding(g, f, report);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("templates", report.templates().size());
            g.writeNumberField("errors", report.count(Severity.ERROR));
            g.writeNumberField("warnings", report.count(Severity.WARNING));
            g.writeNumberField("notes", report.count(Severity.INFO));
            g.writeNumberField("linksFollowed", report.linksFollowed());
            g.writeNumberField("unresolvedLinks", report.linksUnresolved());
            g.writeEndObject();
            g.writeArrayFieldStart("remarks");
            for (String note : report.notes()) {
                g.writeString(note);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    public static String sarif(List<Finding> findings, Path root) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "partner-attribution");
            g.writeStringField("informationUri", "https://learn.microsoft.com/partner-center/marketplace-offers/azure-partner-customer-usage-attribution");
            g.writeArrayFieldStart("rules");
            for (Rule rule : ArmTemplates.rules()) {
                g.writeStartObject();
                g.writeStringField("id", rule.code());
                g.writeStringField("name", rule.name());
                g.writeStringField("helpUri", rule.helpUri());
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", rule.description());
                g.writeEndObject();
                g.writeObjectFieldStart("help");
                g.writeStringField("text", rule.help());
                g.writeEndObject();
                g.writeObjectFieldStart("defaultConfiguration");
                g.writeStringField("level", level(rule.severity()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            if (root != null) {
                // No absolute path of the machine that ran the scan: the consumer (code scanning) resolves
                // %SRCROOT% to its own checkout.
                g.writeObjectFieldStart("originalUriBaseIds");
                g.writeObjectFieldStart("SRCROOT");
                g.writeObjectFieldStart("description");
                g.writeStringField("text", "The folder that was scanned.");
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeArrayFieldStart("results");
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("ruleId", f.code());
                g.writeStringField("level", level(f.severity()));
                g.writeObjectFieldStart("message");
                g.writeStringField("text", f.message() + " Fix: " + f.hint());
                g.writeEndObject();
                g.writeArrayFieldStart("locations");
                g.writeStartObject();
                g.writeObjectFieldStart("physicalLocation");
                g.writeObjectFieldStart("artifactLocation");
                g.writeStringField("uri", uriOf(f.file(), root));
                if (root != null) {
                    g.writeStringField("uriBaseId", "SRCROOT");
                }
                g.writeEndObject();
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", f.line());
                g.writeNumberField("startColumn", f.column());
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : severity == Severity.WARNING ? "warning" : "note";
    }

    /** A finding; its {@code file}, like its template's, relative to the scanned folder. */
    static void writeFinding(JsonGenerator g, Finding f, ScanReport report) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", f.code());
        g.writeStringField("severity", f.severity().name().toLowerCase(Locale.ROOT));
        g.writeStringField("file", relativeName(report.root(), java.nio.file.Paths.get(f.file())));
        g.writeNumberField("line", f.line());
        g.writeNumberField("column", f.column());
        g.writeStringField("message", f.message());
        g.writeStringField("hint", f.hint());
        g.writeEndObject();
    }

    /**
     * A file as a SARIF {@code uri}: its path relative to the scan's root, segment by segment (the platform's own
     * separator only: a {@code \\} in a name on Linux is part of the name), each segment percent-encoded as RFC 3986
     * wants, so that decoding the reference gives the name back.
     */
    static String uriOf(String file, Path root) {
        Path path = java.nio.file.Paths.get(file);
        Path relative = root == null ? null : relative(root, path);
        // on another drive, the path as given
        return joined(relative == null ? path : relative, true);
    }

    /** A file's path relative to the scanned folder, with forward slashes; as given when it cannot be. */
    public static String relativeName(Path root, Path file) {
        Path relative = relative(root, file);
        return relative == null ? file.toString() : joined(relative, false);
    }

    /** A path as the text shows it: relative to the root, or absolute when it is not under the root. */
    static String shown(Path root, Path file) {
        Path relative = relative(root, file);
        return relative == null || relative.startsWith("..") ? file.toAbsolutePath().normalize().toString()
                : joined(relative, false);
    }

    /** {@code file} relative to {@code root}, or null when it cannot be (another drive). */
    static Path relative(Path root, Path file) {
        try {
            return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        } catch (IllegalArgumentException anotherDrive) {
            return null;
        }
    }

    /**
     * A path's segments, each percent-encoded when {@code encode}, joined by '/' on every platform (a '\\' in a name
     * on Linux is part of the name).
     */
    static String joined(Path path, boolean encode) {
        StringBuilder out = new StringBuilder();
        for (Path part : path) {
            out.append(out.length() == 0 ? "" : "/").append(encode ? encodeSegment(part.toString()) : part.toString());
        }
        return out.toString();
    }

    /** Percent-encodes every UTF-8 byte of a path segment except RFC 3986's unreserved and sub-delims, ':' and '@'. */
    static String encodeSegment(String segment) {
        return Text.percentEncode(segment, "!$&'()*+,;=:@");
    }

    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    static String write(Writer body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }
}
