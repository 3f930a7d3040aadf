package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.BicepModel;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.TrackingModel;

/** A rule about tracking resources that reads JSON and Bicep alike, through {@link TrackingModel}. Not API. */
abstract class TrackingRule extends TemplateRule {
    TrackingRule(String code, String name, Severity severity, String description, String help) {
        super(code, name, severity, description, help);
    }

    @Override
    public final void check(JsonModel model, Context context, Reporter report) {
        if (model.checkable()) {
            check((TrackingModel) model, context, report);
        }
    }

    @Override
    public final void check(BicepModel model, Context context, Reporter report) {
        if (model.checkable()) {
            check((TrackingModel) model, context, report);
        }
    }

    abstract void check(TrackingModel model, Context context, Reporter report);
}
