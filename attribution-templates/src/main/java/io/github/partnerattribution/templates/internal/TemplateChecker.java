package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.rules.Catalogue;
import io.github.partnerattribution.templates.internal.rules.TemplateRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules stage: runs every rule of the catalogue over a template's model and collects what they report, each with
 * its rule's code and severity, made into the caller's finding type. A rule that fails becomes a finding that says
 * so, never a failed check. Not API.
 *
 * <pre>{@code
 * List<Finding> findings = TemplateChecker.check(model, Finding::new);
 * }</pre>
 */
public final class TemplateChecker {
    /** Makes one finding. */
    public interface Findings<F> {
        F make(String code, Severity severity, String file, int line, int column, String message, String hint);
    }

    private TemplateChecker() {
    }

    // No lambdas on this path: the first one a JVM links costs a short command some 5 ms (the JDK's lambda
    // machinery), more than checking a small template; the CLI's start-up guard (StartPathIT) holds it to that.

    public static <F> List<F> check(JsonModel model, Findings<F> findings) {
        return run(model.file(), findings, model, null, null);
    }

    public static <F> List<F> check(BicepModel model, Findings<F> findings) {
        return run(model.file(), findings, null, model, null);
    }

    public static <F> List<F> check(PackageModel model, Findings<F> findings) {
        return run(model.file(), findings, null, null, model);
    }

    /** Every rule of the catalogue, one after the other, on the one model given. */
    private static <F> List<F> run(String file, Findings<F> findings, JsonModel json, BicepModel bicep,
            PackageModel pack) {
        List<F> out = new ArrayList<>();
        for (TemplateRule rule : Catalogue.RULES) {
            try {
                Reporter<F> reporter = new Reporter<>(rule, file, findings, out);
                if (json != null) {
                    rule.check(json, reporter);
                } else if (bicep != null) {
                    rule.check(bicep, reporter);
                } else {
                    rule.check(pack, reporter);
                }
            } catch (RuntimeException e) {
                out.add(findings.make(rule.code(), Severity.WARNING, file, 1, 1, "The rule " + rule.name()
                        + " could not check this file (" + e + "), so what it looks for was not checked.",
                        "Please report it with the file."));
            }
        }
        return out;
    }

    /**
     * A rule's reporter; a finding the rule already reported at the same place in the same words (a rule about the
     * resource, reached through each branch of its name's {@code if}) is kept once.
     */
    private static final class Reporter<F> implements TemplateRule.Reporter {
        private final TemplateRule rule;
        private final String file;
        private final Findings<F> findings;
        private final List<F> out;
        private final Set<String> seen = new HashSet<>();

        Reporter(TemplateRule rule, String file, Findings<F> findings, List<F> out) {
            this.rule = rule;
            this.file = file;
            this.findings = findings;
            this.out = out;
        }

        @Override
        public void report(TrackingModel.Position at, String message, String hint) {
            if (seen.add(at.line + ":" + at.column + ":" + message)) {
                out.add(findings.make(rule.code(), rule.severity(), file, at.line, at.column, message, hint));
            }
        }
    }
}
