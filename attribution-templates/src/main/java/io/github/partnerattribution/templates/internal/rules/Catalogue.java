package io.github.partnerattribution.templates.internal.rules;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every rule, in code order: the one list the checker runs and SARIF, {@code attribution template rules} and the
 * README's table are made from. Adding a rule is one class here and its fixtures. Not API.
 */
public final class Catalogue {
    /** The rules. */
    public static final List<TemplateRule> RULES = Collections.unmodifiableList(Arrays.<TemplateRule>asList(
            new MissingTrackingResourceRule(),
            new MalformedGuidRule(),
            new TrackingResourceNotInMainTemplateRule(),
            new TrackingTemplateNotEmptyRule(),
            new ModeNotIncrementalRule(),
            new LocationMissingRule(),
            new LocationAtResourceGroupScopeRule(),
            new NameTooLongRule(),
            new NameNotResolvableRule(),
            new UnresolvedPlaceholderRule(),
            new DuplicateTrackingResourceRule(),
            new InvalidJsonRule(),
            new DuplicatePropertyRule(),
            new ConditionalTrackingResourceRule(),
            new NameNotLiteralRule(),
            new GuidWithoutPrefixRule(),
            new NotATemplateRule(),
            new TemplateTooLargeRule(),
            new WrapperNamedLikeTrackingRule(),
            new PidNotAtStartRule(),
            new AvmTelemetryRule(),
            new PackageLayoutRule(),
            new PartnerCenterCannotAddTrackingRule(),
            new ManagedAppLanguageVersionRule(),
            new PackageRefusedRule(),
            new BicepSyntaxErrorRule(),
            new ModuleTelemetryRule(),
            new ModulePathCaseRule(),
            new TrackingApiVersionOldRule(),
            new UnfilledTrackingPlaceholderRule(),
            new UnregisteredPartnerIdRule()));

    private Catalogue() {
    }

    /** The rule with this code, or null. */
    public static TemplateRule rule(String code) {
        for (TemplateRule rule : RULES) {
            if (rule.code().equals(code)) {
                return rule;
            }
        }
        return null;
    }
}
