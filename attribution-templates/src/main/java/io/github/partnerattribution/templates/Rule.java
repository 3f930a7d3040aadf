package io.github.partnerattribution.templates;

import io.github.partnerattribution.templates.internal.rules.Catalogue;
import io.github.partnerattribution.templates.internal.rules.TemplateRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One rule of the template checker, as a user reads it in a rule list: its stable code, short name, severity, what
 * it finds and how to fix that. Every finding's code is one of these.
 *
 * <pre>{@code
 * for (Rule rule : ArmTemplates.rules()) {
 *     System.out.println(rule.code() + " " + rule.severity() + " " + rule.description());
 * }
 * }</pre>
 */
public final class Rule {
    private static final List<Rule> ALL;
    /** The project's rule pages, {@code docs/rules/} of its repository. */
    static final String HELP_BASE = "https://github.com/partnerattribution/partner-attribution-java/blob/main/docs/rules/";

    static {
        List<Rule> all = new ArrayList<>();
        for (TemplateRule rule : Catalogue.RULES) {
            all.add(new Rule(rule));
        }
        ALL = Collections.unmodifiableList(all);
    }

    private final TemplateRule rule;

    private Rule(TemplateRule rule) {
        this.rule = rule;
    }

    static List<Rule> all() {
        return ALL;
    }

    /** {@return the stable code, such as {@code CUA001}} */
    public String code() {
        return rule.code();
    }

    /** {@return the short name, such as {@code MissingTrackingResource}} */
    public String name() {
        return rule.name();
    }

    /** {@return the severity of its findings} */
    public Severity severity() {
        return rule.severity();
    }

    /** {@return one line: what the rule finds} */
    public String description() {
        return rule.description();
    }

    /** {@return how to fix what it finds} */
    public String help() {
        return rule.help();
    }

    /**
     * The rule's page: why attribution needs it, a template that fails and one that passes, and the fix, in Markdown
     * (the same text as {@code docs/rules/<code>.md} in the project, which {@link #helpUri()} points at).
     *
     * @return the page
     */
    public String page() {
        String resource = "/io/github/partnerattribution/templates/rules/" + code() + ".md";
        try (java.io.InputStream in = Rule.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from this jar");
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@return where the rule's page is published, for SARIF's {@code helpUri} and links in reports} */
    public String helpUri() {
        return HELP_BASE + code() + ".md";
    }

    @Override
    public String toString() {
        return code() + " " + name();
    }
}
