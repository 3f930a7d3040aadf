/** Partner attribution for {@code java.net.http.HttpClient}: a client that appends the partner id to each request. */
module io.github.partnerattribution.javanethttp {
    requires transitive io.github.partnerattribution.core;
    requires transitive java.net.http;
    requires java.logging;

    exports io.github.partnerattribution.javanethttp;
}
