package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.PackageModel;
import io.github.partnerattribution.templates.internal.JsonModel;

/** CUA024: The package's main template is languageVersion 2.0, which managed applications do not take. Applies to Marketplace deployment packages (.zip). */
final class ManagedAppLanguageVersionRule extends TemplateRule {
    ManagedAppLanguageVersionRule() {
        super("CUA024", "ManagedAppLanguageVersion", Severity.WARNING, "The package's main template is languageVersion 2.0, which managed applications do not take.",
                "A managed application plan takes only languageVersion 1.0 templates: compile or write mainTemplate.json without languageVersion 2.0, or publish it as a solution template.");
    }

    @Override
    public void check(PackageModel model, Context context, Reporter report) {
        JsonModel main = model.main();
        String version = main == null ? null : main.languageVersion();
        if (version == null || version.startsWith("1")) {
            return;
        }
        report.report(model.start(), "The package's " + PackageModel.MAIN + " is languageVersion " + version + ";"
                + (model.viewDefinition() ? " this package holds a " + PackageModel.VIEW + ", which only managed"
                        + " applications use, and" : " if this package is for a managed application plan,")
                + " Partner Center refuses it: managed applications take only languageVersion 1.0 templates.", help());
    }
}
