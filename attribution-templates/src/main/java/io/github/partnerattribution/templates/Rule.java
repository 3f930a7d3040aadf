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

    @Override
    public String toString() {
        return code() + " " + name();
    }
}
