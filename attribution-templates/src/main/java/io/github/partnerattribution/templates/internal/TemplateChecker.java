package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.rules.Catalogue;
import io.github.partnerattribution.templates.internal.rules.TemplateRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules stage: runs every rule of the catalogue over a template's model, in the role the caller gives, and
 * collects what they report, each with its rule's code and severity, sorted by position then code and made into the
 * caller's finding type. A rule that fails becomes a finding that says so, never a failed check. Not API.
 *
 * <pre>{@code
 * List<Finding> findings = TemplateChecker.check(model, new TemplateRule.Context(role, file, false), findings);
 * }</pre>
 */
public final class TemplateChecker {
    /** Makes one finding. */
    public interface Findings<F> {
        F make(String code, Severity severity, String file, int line, int column, String message, String hint);
    }

    private TemplateChecker() {
    }

    public static <F> List<F> check(JsonModel model, TemplateRule.Context context, Findings<F> findings) {
        return run(context, findings, model, null, null);
    }

    public static <F> List<F> check(BicepModel model, TemplateRule.Context context, Findings<F> findings) {
        return run(context, findings, null, model, null);
    }

    public static <F> List<F> check(PackageModel model, TemplateRule.Context context, Findings<F> findings) {
        return run(context, findings, null, null, model);
    }

    /** Every rule of the catalogue, one after the other, on the one model given. */
    private static <F> List<F> run(TemplateRule.Context context, Findings<F> findings, JsonModel json,
            BicepModel bicep, PackageModel pack) {
        List<Reported> out = new ArrayList<>();
        for (TemplateRule rule : Catalogue.RULES) {
            try {
                Reporter reporter = new Reporter(rule, out);
                if (json != null) {
                    rule.check(json, context, reporter);
                } else if (bicep != null) {
                    rule.check(bicep, context, reporter);
                } else {
                    rule.check(pack, context, reporter);
                }
            } catch (RuntimeException e) {
                out.add(new Reported(rule.code(), Severity.WARNING, null, 1, 1, "The rule " + rule.name()
                        + " could not check this file (" + e + "), so what it looks for was not checked.",
                        "Please report it with the file."));
            }
        }
        out.sort(BY_POSITION);
        List<F> made = new ArrayList<>(out.size());
        for (Reported r : out) {
            made.add(findings.make(r.code, r.severity, r.file != null ? r.file : context.file(), r.line, r.column,
                    r.message, r.hint));
        }
        return made;
    }

    /** One finding as a rule reported it. */
    private static final class Reported {
        final String code;
        final Severity severity;
        /** The file, when not the one checked. */
        final String file;
        final int line;
        final int column;
        final String message;
        final String hint;

        Reported(String code, Severity severity, String file, int line, int column, String message, String hint) {
            this.code = code;
            this.severity = severity;
            this.file = file;
            this.line = line;
            this.column = column;
            this.message = message;
            this.hint = hint;
        }
    }

    /** By line, then column, then code; a stable sort keeps a rule's own order within those. */
    private static final java.util.Comparator<Reported> BY_POSITION = new java.util.Comparator<Reported>() {
        @Override
        public int compare(Reported a, Reported b) {
            return a.line != b.line ? Integer.compare(a.line, b.line)
                    : a.column != b.column ? Integer.compare(a.column, b.column) : a.code.compareTo(b.code);
        }
    };

    /**
     * A rule's reporter; a finding the rule already reported at the same place in the same words (a rule about the
     * resource, reached through each branch of its name's {@code if}) is kept once.
     */
    private static final class Reporter implements TemplateRule.Reporter {
        private final TemplateRule rule;
        private final List<Reported> out;
        private final Set<String> seen = new HashSet<>();

        Reporter(TemplateRule rule, List<Reported> out) {
            this.rule = rule;
            this.out = out;
        }

        @Override
        public void report(TrackingModel.Position at, String message, String hint) {
            reportIn(null, at, message, hint);
        }

        @Override
        public void reportIn(String file, TrackingModel.Position at, String message, String hint) {
            if (seen.add(file + ":" + at.line + ":" + at.column + ":" + message)) {
                out.add(new Reported(rule.code(), rule.severity(), file, at.line, at.column, message, hint));
            }
        }
    }
}
