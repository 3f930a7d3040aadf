package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.rules.Catalogue;
import io.github.partnerattribution.templates.internal.rules.TemplateRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

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

    public static <F> List<F> check(JsonModel model, Findings<F> findings) {
        return run(model.file(), findings, (rule, reporter) -> rule.check(model, reporter));
    }

    public static <F> List<F> check(BicepModel model, Findings<F> findings) {
        return run(model.file(), findings, (rule, reporter) -> rule.check(model, reporter));
    }

    public static <F> List<F> check(PackageModel model, Findings<F> findings) {
        return run(model.file(), findings, (rule, reporter) -> rule.check(model, reporter));
    }

    /** Every rule of the catalogue, one after the other, each through {@code check}. */
    private static <F> List<F> run(String file, Findings<F> findings,
            BiConsumer<TemplateRule, TemplateRule.Reporter> check) {
        List<F> out = new ArrayList<>();
        for (TemplateRule rule : Catalogue.RULES) {
            try {
                check.accept(rule, reporter(rule, file, findings, out));
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
    private static <F> TemplateRule.Reporter reporter(TemplateRule rule, String file, Findings<F> findings,
            List<F> out) {
        Set<String> seen = new HashSet<>();
        return (TrackingModel.Position at, String message, String hint) -> {
            if (seen.add(at.line + ":" + at.column + ":" + message)) {
                out.add(findings.make(rule.code(), rule.severity(), file, at.line, at.column, message, hint));
            }
        };
    }
}
