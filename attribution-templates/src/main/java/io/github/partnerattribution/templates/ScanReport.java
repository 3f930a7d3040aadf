package io.github.partnerattribution.templates;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of {@link ArmTemplates#scan}: every main, nested and linked template found under a folder with its
 * findings, as text for people, JSON for scripts, or SARIF 2.1.0 for code-scanning views.
 *
 * <pre>{@code
 * ScanReport report = ArmTemplates.scan(Paths.get("."));
 * Files.write(Paths.get("attribution.sarif"), report.sarif().getBytes(StandardCharsets.UTF_8));
 * System.exit(report.count(Severity.ERROR) > 0 ? 1 : 0);
 * }</pre>
 */
public final class ScanReport {
    /** Each finding code with a short name and description, as SARIF rules. */
    static final Map<String, String[]> RULES = new LinkedHashMap<>();

    static {
        rule("CUA001", "MissingTrackingResource", "The main template has no pid-<guid> tracking deployment.");
        rule("CUA002", "MalformedGuid", "The tracking deployment's name holds a malformed GUID.");
        rule("CUA003", "TrackingResourceNotInMainTemplate", "A tracking deployment stands in a nested or linked template.");
        rule("CUA004", "TrackingTemplateNotEmpty", "The tracking deployment's template is not empty.");
        rule("CUA005", "ModeNotIncremental", "The tracking deployment's mode is not Incremental.");
        rule("CUA006", "LocationMissing", "Above resource group scope the tracking deployment needs a location.");
        rule("CUA007", "LocationAtResourceGroupScope", "At resource group scope the tracking deployment has a location.");
        rule("CUA008", "NameTooLong", "The tracking deployment's name is over 64 characters.");
        rule("CUA009", "NameNotResolvable", "The name is an expression that cannot be resolved statically.");
        rule("CUA010", "UnresolvedPlaceholder", "The name holds a build placeholder ${...} with no value.");
        rule("CUA011", "DuplicateTrackingResource", "The same tracking deployment is defined twice.");
        rule("CUA012", "InvalidJson", "The file is not valid JSON.");
        rule("CUA013", "DuplicateProperty", "A property is defined twice in one object.");
        rule("CUA014", "ConditionalTrackingResource", "The tracking deployment is deployed under a condition.");
        rule("CUA015", "NameNotLiteral", "The tracking deployment's name is an expression, not a literal.");
        rule("CUA016", "GuidWithoutPrefix", "An empty deployment is named with a GUID that lacks the pid- prefix.");
        rule("CUA017", "NotATemplate", "The file is not an ARM deployment template.");
    }

    private final Path root;
    private final List<ScannedTemplate> templates;

    ScanReport(Path root, List<ScannedTemplate> templates) {
        this.root = root;
        this.templates = Collections.unmodifiableList(templates);
    }

    private static void rule(String code, String name, String description) {
        RULES.put(code, new String[] {name, description});
    }

    /** @return the folder scanned */
    public Path root() {
        return root;
    }

    /** @return the templates found, main ones first, each with its findings */
    public List<ScannedTemplate> templates() {
        return templates;
    }

    /** @return every finding of every template */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        for (ScannedTemplate t : templates) {
            all.addAll(t.findings());
        }
        return all;
    }

    /**
     * @param severity a severity
     * @return how many findings have it
     */
    public int count(Severity severity) {
        int n = 0;
        for (Finding f : findings()) {
            if (f.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /** @return one line per finding, then a summary line */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (ScannedTemplate t : templates) {
            out.append(t.role().name().toLowerCase(Locale.ROOT)).append("  ").append(relative(t.file()))
                    .append(t.findings().isEmpty() ? "  ok" : "").append('\n');
            for (Finding f : t.findings()) {
                out.append("  ").append(f).append('\n');
            }
        }
        out.append(plural(templates.size(), "template")).append(" checked: ")
                .append(plural(count(Severity.ERROR), "error")).append(", ")
                .append(plural(count(Severity.WARNING), "warning")).append(", ")
                .append(plural(count(Severity.INFO), "note")).append('\n');
        return out.toString();
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** @return the report as JSON: templates with their role and findings, and a summary */
    public String json() {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("root", root.toString());
            g.writeArrayFieldStart("templates");
            for (ScannedTemplate t : templates) {
                g.writeStartObject();
                g.writeStringField("file", relative(t.file()));
                g.writeStringField("role", t.role().name().toLowerCase(Locale.ROOT));
                g.writeArrayFieldStart("findings");
                for (Finding f : t.findings()) {
                    writeFinding(g, f);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("templates", templates.size());
            g.writeNumberField("errors", count(Severity.ERROR));
            g.writeNumberField("warnings", count(Severity.WARNING));
            g.writeNumberField("notes", count(Severity.INFO));
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** @return the report as SARIF 2.1.0, file locations relative to the scanned folder */
    public String sarif() {
        return sarif(findings(), root);
    }

    static String sarif(List<Finding> findings, Path root) {
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
            for (Map.Entry<String, String[]> rule : RULES.entrySet()) {
                g.writeStartObject();
                g.writeStringField("id", rule.getKey());
                g.writeStringField("name", rule.getValue()[0]);
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", rule.getValue()[1]);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            if (root != null) {
                g.writeObjectFieldStart("originalUriBaseIds");
                g.writeObjectFieldStart("SRCROOT");
                String uri = root.toAbsolutePath().normalize().toUri().toString();
                g.writeStringField("uri", uri.endsWith("/") ? uri : uri + "/");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeArrayFieldStart("results");
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("ruleId", f.code());
                g.writeStringField("level", f.severity() == Severity.ERROR ? "error"
                        : f.severity() == Severity.WARNING ? "warning" : "note");
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

    static void writeFinding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", f.code());
        g.writeStringField("severity", f.severity().name().toLowerCase(Locale.ROOT));
        g.writeStringField("file", f.file());
        g.writeNumberField("line", f.line());
        g.writeNumberField("column", f.column());
        g.writeStringField("message", f.message());
        g.writeStringField("hint", f.hint());
        g.writeEndObject();
    }

    private String relative(Path file) {
        try {
            return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                    .replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    private static String uriOf(String file, Path root) {
        String path = file.replace('\\', '/');
        if (root != null) {
            try {
                path = root.toAbsolutePath().normalize()
                        .relativize(java.nio.file.Paths.get(file).toAbsolutePath().normalize()).toString().replace('\\', '/');
            } catch (IllegalArgumentException ignored) {
                // another drive: keep the path as given
            }
        }
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            try {
                out.append(new java.net.URI(null, null, segment, null).getRawPath());
            } catch (java.net.URISyntaxException e) {
                out.append(segment);
            }
        }
        return out.toString();
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
