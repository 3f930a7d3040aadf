/** ARM and Bicep templates: check, add, remove and scan the tracking deployment. */
module io.github.partnerattribution.templates {
    requires transitive io.github.partnerattribution.core;
    requires com.fasterxml.jackson.core;

    exports io.github.partnerattribution.templates;
    // Resource names as the evaluator reads them, for the ARM emulator; not API.
    exports io.github.partnerattribution.templates.support to io.github.partnerattribution.test;
}
