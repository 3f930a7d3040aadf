/** An ARM emulator and the attribution contract, for a partner's own tests. */
module io.github.partnerattribution.test {
    requires transitive io.github.partnerattribution.core;
    requires io.github.partnerattribution.templates;
    requires transitive org.junit.jupiter.api;
    requires static org.junit.jupiter.params;
    requires wiremock.standalone;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    // The Azure SDK helpers (a client, a profile and a credential for the emulator), only when the test has the SDK.
    requires static com.azure.core;
    requires static com.azure.core.management;
    requires static com.azure.http.netty;
    requires static com.azure.core.http.okhttp;
    requires static io.netty.handler;
    requires static reactor.core;

    exports io.github.partnerattribution.test;
    // attribution emulator: the server the command line loads from beside its jar; not API.
    exports io.github.partnerattribution.test.support to io.github.partnerattribution.cli;
}
