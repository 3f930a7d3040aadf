/**
 * Partner ids, User-Agent rules, configuration, the GUID registry and the customer notice. Requires nothing beyond
 * the JDK.
 */
module io.github.partnerattribution.core {
    exports io.github.partnerattribution.core;
    // Shared support for this project's own modules; not API.
    exports io.github.partnerattribution.core.support to
            io.github.partnerattribution.azurecore,
            io.github.partnerattribution.operations,
            io.github.partnerattribution.okhttp,
            io.github.partnerattribution.httpclient5,
            io.github.partnerattribution.javanethttp,
            io.github.partnerattribution.spring,
            io.github.partnerattribution.templates,
            io.github.partnerattribution.cli,
            io.github.partnerattribution.maven,
            io.github.partnerattribution.agent;
}
