package io.github.partnerattribution.templates.internal.rules;

import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.internal.JsonModel.Candidate;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.TrackingModel.NameKind;
import java.util.ArrayList;
import java.util.List;

/**
 * CUA030: A tracking name holds a build placeholder the properties file does not define. Applies to JSON templates
 * checked with the build's properties ({@code --properties}): a name written {@code pid-${key}} is the tracking
 * resource, and left unfilled it attributes nothing, so a mistyped key is an error that names the key it most likely
 * meant. Without properties whether the build fills it cannot be told (CUA010).
 */
final class UnfilledTrackingPlaceholderRule extends TemplateRule {
    UnfilledTrackingPlaceholderRule() {
        super("CUA030", "UnfilledTrackingPlaceholder", Severity.ERROR,
                "A tracking name holds a build placeholder the properties file does not define.",
                "Write the key as the properties file defines it (the message names the closest one), or define it there.");
    }

    /** Whether CUA030 rather than CUA010 judges a candidate: a {@code pid-} name checked with the build's properties. */
    static boolean judges(Candidate c, JsonModel model) {
        return c.kind() == NameKind.UNFILLED_PLACEHOLDER && !model.options().properties().isEmpty()
                && c.raw().regionMatches(true, 0, "pid-", 0, 4);
    }

    @Override
    public void check(JsonModel model, Context context, Reporter report) {
        for (Candidate c : model.candidates()) {
            if (!judges(c, model)) {
                continue;
            }
            List<String> meant = new ArrayList<>();
            for (String written : c.missing()) {
                String key = written.substring(2, written.length() - 1);
                String closest = Text.closest(key, model.options().properties().keySet());
                meant.add(closest == null ? written + " is defined nowhere in it"
                        : written + ": did you mean " + closest + "?");
            }
            report.report(at(c.name()), "The tracking name " + quote(c.raw()) + " holds a build placeholder the"
                    + " properties file does not define (" + String.join("; ", meant) + "), so the build leaves it"
                    + " unfilled and no deployment of this template is attributed.", "Write the key as the properties"
                    + " file defines it, or define it there.");
        }
    }
}
