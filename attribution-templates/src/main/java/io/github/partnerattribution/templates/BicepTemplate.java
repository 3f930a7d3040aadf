package io.github.partnerattribution.templates;

import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bicep without a Bicep compiler: the text is read for {@code resource} declarations of type
 * {@code Microsoft.Resources/deployments} and for {@code module}s, and their {@code name} is resolved from string
 * literals, interpolation of {@code var}s and {@code param} defaults, and {@code take(..., n)}.
 */
final class BicepTemplate {
    private static final Pattern DECLARATION = Pattern.compile(
            "(?m)^[ \\t]*(resource|module)\\s+(\\w+)\\s+'([^']*)'\\s*=\\s*(if\\s*\\((?:[^()]|\\([^()]*\\))*\\)\\s*)?\\{");
    private static final Pattern SCOPE = Pattern.compile("(?m)^\\s*targetScope\\s*=\\s*'(\\w+)'");
    private static final Pattern SIMPLE = Pattern.compile("(?m)^\\s*(?:var\\s+(\\w+)\\s*=|param\\s+(\\w+)\\s+string\\s*=)\\s*'([^'$]*)'\\s*$");

    private final String file;
    private final String text;
    private final List<Finding> findings = new ArrayList<>();
    private final List<PartnerId> ids = new ArrayList<>();
    private int candidates;

    private BicepTemplate(String file, String text) {
        this.file = file;
        this.text = text;
    }

    static BicepTemplate analyse(String file, String text, TemplateRole role) {
        BicepTemplate t = new BicepTemplate(file, text);
        t.run(role);
        return t;
    }

    List<Finding> findings() {
        return findings;
    }

    private void run(TemplateRole role) {
        Matcher m = DECLARATION.matcher(text);
        while (m.find()) {
            boolean module = m.group(1).equals("module");
            if (!module && !m.group(3).toLowerCase(Locale.ROOT).startsWith("microsoft.resources/deployments@")) {
                continue;
            }
            int open = m.end() - 1;
            int close = closingBrace(open);
            String body = text.substring(open + 1, close < 0 ? text.length() : close);
            Matcher name = Pattern.compile("(?m)^\\s*name\\s*:\\s*(.+?)\\s*$").matcher(body);
            if (!name.find()) {
                continue;
            }
            int at = open + 1 + name.start(1);
            String known = resolve(name.group(1));
            if (known == null || !known.regionMatches(true, 0, "pid-", 0, 4)) {
                continue;
            }
            candidates++;
            String rest = known.substring(4);
            int run = 0;
            while (run < rest.length() && "0123456789abcdefABCDEF-".indexOf(rest.charAt(run)) >= 0) {
                run++;
            }
            String guid = run >= 36 && (run == 36 || rest.charAt(36) == '-') ? rest.substring(0, 36) : rest.substring(0, run);
            boolean partnerCenter = rest.substring(guid.length()).regionMatches(true, 0, "-partnercenter", 0, 14);
            try {
                ids.add(PartnerId.parse("pid-" + guid + (partnerCenter ? "-partnercenter" : "")));
            } catch (InvalidPartnerIdException e) {
                add("CUA002", Severity.ERROR, at, "The tracking " + m.group(1) + " " + m.group(2) + " has a name with a"
                        + " malformed GUID: " + e.problem() + ".", "Use the GUID registered in Partner Center.");
            }
            if (role != TemplateRole.MAIN) {
                add("CUA003", Severity.ERROR, m.start(1), "A tracking " + m.group(1) + " stands in a "
                        + role.name().toLowerCase(Locale.ROOT) + " Bicep file; attribution only counts it in the main"
                        + " file.", "Move it to main.bicep.");
            }
            if (m.group(4) != null) {
                add("CUA014", Severity.INFO, m.start(4), "The tracking " + m.group(1) + " is deployed only under a"
                        + " condition; deployments where it is false are not attributed.",
                        "Nothing to fix if the condition is the customer's opt-out.");
            }
        }
        if (role == TemplateRole.MAIN && candidates == 0) {
            add("CUA001", Severity.ERROR, 0, "The main Bicep file has no tracking resource: no deployment named"
                    + " pid-<guid>, so no deployment of it is attributed.",
                    "Run: attribution template add --pid <your guid> " + file);
        }
    }

    /** The known text of a Bicep name expression, opaque parts cut off; null when it does not start with text. */
    private String resolve(String expression) {
        String e = expression.trim();
        Matcher take = Pattern.compile("^take\\((.*),\\s*(\\d+)\\s*\\)$").matcher(e);
        int limit = Integer.MAX_VALUE;
        if (take.matches()) {
            e = take.group(1).trim();
            limit = Integer.parseInt(take.group(2));
        }
        if (e.length() < 2 || e.charAt(0) != '\'' || e.charAt(e.length() - 1) != '\'') {
            return null;
        }
        String literal = e.substring(1, e.length() - 1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < literal.length()) {
            int open = literal.indexOf("${", i);
            if (open < 0) {
                out.append(literal, i, literal.length());
                break;
            }
            out.append(literal, i, open);
            int close = literal.indexOf('}', open);
            String value = close < 0 ? null : simpleValue(literal.substring(open + 2, close).trim());
            if (value == null) {
                break; // an opaque part: what follows is unknown
            }
            out.append(value);
            i = close + 1;
        }
        return out.length() > limit ? out.substring(0, limit) : out.toString();
    }

    private String simpleValue(String identifier) {
        if (!identifier.matches("\\w+")) {
            return null;
        }
        Matcher m = SIMPLE.matcher(text);
        while (m.find()) {
            if (identifier.equals(m.group(1)) || identifier.equals(m.group(2))) {
                return m.group(3);
            }
        }
        return null;
    }

    boolean holds(PartnerId id) {
        return ids.contains(id);
    }

    List<PartnerId> ids() {
        return ids;
    }

    /** The text with a tracking resource appended, in the file's line endings and indentation. */
    static String withTrackingResource(Path path, String text, PartnerId id, String apiVersion) {
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        Matcher indented = Pattern.compile("(?m)^([ \\t]+)\\S").matcher(text);
        String unit = indented.find() ? indented.group(1) : "  ";
        Matcher scope = SCOPE.matcher(text);
        boolean needsLocation = scope.find() && !scope.group(1).equals("resourceGroup");
        String symbol = "partnerAttribution";
        for (int i = 2; Pattern.compile("(?m)^\\s*(resource|module|var|param|output)\\s+" + symbol + "\\b").matcher(text).find(); i++) {
            symbol = "partnerAttribution" + i;
        }
        StringBuilder b = new StringBuilder();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            b.append(nl);
        }
        b.append(nl)
                .append("resource ").append(symbol).append(" 'Microsoft.Resources/deployments@").append(apiVersion)
                .append("' = {").append(nl)
                .append(unit).append("name: '").append(id.token()).append('\'').append(nl);
        if (needsLocation) {
            b.append(unit).append("location: deployment().location").append(nl);
        }
        b.append(unit).append("properties: {").append(nl)
                .append(unit).append(unit).append("mode: 'Incremental'").append(nl)
                .append(unit).append(unit).append("template: {").append(nl)
                .append(unit).append(unit).append(unit)
                .append("'$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'")
                .append(nl)
                .append(unit).append(unit).append(unit).append("contentVersion: '1.0.0.0'").append(nl)
                .append(unit).append(unit).append(unit).append("resources: []").append(nl)
                .append(unit).append(unit).append('}').append(nl)
                .append(unit).append('}').append(nl)
                .append('}').append(nl);
        return text + b;
    }

    private int closingBrace(int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    inString = false;
                }
            } else if (c == '\'') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private void add(String code, Severity severity, int offset, String message, String hint) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        findings.add(new Finding(code, severity, file, line, column, message, hint));
    }
}
