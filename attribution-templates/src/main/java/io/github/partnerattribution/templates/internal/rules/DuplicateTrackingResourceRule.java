package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.TrackingModel;
import io.github.partnerattribution.templates.internal.TrackingModel.Site;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** CUA011: The same tracking deployment is defined twice in one template. Applies to JSON templates and Bicep files. */
final class DuplicateTrackingResourceRule extends TrackingRule {
    DuplicateTrackingResourceRule() {
        super("CUA011", "DuplicateTrackingResource", Severity.ERROR, "The same tracking deployment is defined twice in one template.",
                "Keep one of them.");
    }

    @Override
    void check(TrackingModel model, Context context, Reporter report) {
        // One resource defined twice: the same name (ARM compares names without case) in the same template. The same
        // id in two nested templates, under names that differ (uniqueString suffixes), or in two branches of one
        // resource's if(...), is not that.
        Map<String, Site> seen = new HashMap<>();
        for (Site c : model.candidates()) {
            if (!c.decided() || c.id() == null) {
                continue;
            }
            String name = c.complete() ? c.shown() : c.raw();
            String key = System.identityHashCode(c.template()) + "/" + name.toLowerCase(Locale.ROOT);
            Site first = seen.get(key);
            if (first == null) {
                seen.put(key, c);
            } else if (first.template() == c.template() && first.resource() != c.resource()) {
                report.report(c.position(), "The tracking resource " + c.id() + " is defined again (first at line "
                        + first.position().line + ").", help());
            }
        }
    }
}
