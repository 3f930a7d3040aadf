package io.github.partnerattribution.templates;

import io.github.partnerattribution.templates.internal.BicepModel;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.rules.Catalogue;
import io.github.partnerattribution.templates.internal.rules.TemplateRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Runs every rule of the catalogue over a template's model and collects what they report as findings, each with
 * its rule's code and severity. A rule that fails becomes a finding that says so, never a failed check.
 */
final class TemplateChecker {
    private TemplateChecker() {
    }

    static List<Finding> check(JsonModel model) {
        return run(model.file(), (rule, reporter) -> rule.check(model, reporter));
    }

    static List<Finding> check(BicepModel model) {
        return run(model.file(), (rule, reporter) -> rule.check(model, reporter));
    }

    /** Every rule of the catalogue, one after the other, each through {@code check}. */
    private static List<Finding> run(String file, BiConsumer<TemplateRule, TemplateRule.Reporter> check) {
        List<Finding> out = new ArrayList<>();
        for (TemplateRule rule : Catalogue.RULES) {
            try {
                check.accept(rule, reporter(rule, file, out));
            } catch (RuntimeException e) {
                out.add(failed(rule, file, e));
            }
        }
        return out;
    }

    /**
     * A rule's reporter; a finding the rule already reported at the same place in the same words (a rule about the
     * resource, reached through each branch of its name's {@code if}) is kept once.
     */
    private static TemplateRule.Reporter reporter(TemplateRule rule, String file, List<Finding> out) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return (TrackingModel.Position at, String message, String hint) -> {
            if (seen.add(at.line + ":" + at.column + ":" + message)) {
                out.add(new Finding(rule.code(), rule.severity(), file, at.line, at.column, message, hint));
            }
        };
    }

    private static Finding failed(TemplateRule rule, String file, RuntimeException e) {
        return new Finding(rule.code(), Severity.WARNING, file, 1, 1, "The rule " + rule.name() + " could not check"
                + " this file (" + e + "), so what it looks for was not checked.", "Please report it with the file.");
    }
}
