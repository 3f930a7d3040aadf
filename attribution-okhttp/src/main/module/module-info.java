/** Partner attribution for OkHttp: an interceptor that appends the partner id to the User-Agent. */
module io.github.partnerattribution.okhttp {
    requires transitive io.github.partnerattribution.core;
    requires transitive okhttp3;
    requires java.logging;

    exports io.github.partnerattribution.okhttp;
}
