/**
 * What a partner runs against Azure rather than inside a service: deployment verification, Partner Admin Link and the
 * doctor.
 */
module io.github.partnerattribution.operations {
    requires transitive io.github.partnerattribution.azurecore;
    requires transitive com.azure.core;
    requires com.azure.json;
    // DeploymentVerifier, only when the application has the management libraries.
    requires static com.azure.resourcemanager;
    requires static com.azure.resourcemanager.resources;
    requires static com.azure.core.management;

    exports io.github.partnerattribution.operations;
    // The guard against a hostile server, which the command line's own calls use too; not API.
    exports io.github.partnerattribution.operations.support to io.github.partnerattribution.cli;
}
