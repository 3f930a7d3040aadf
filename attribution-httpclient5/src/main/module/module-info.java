/** Partner attribution for Apache HttpClient 5: a request interceptor that appends the partner id. */
module io.github.partnerattribution.httpclient5 {
    requires transitive io.github.partnerattribution.core;
    requires transitive org.apache.httpcomponents.core5.httpcore5;
    requires java.logging;

    exports io.github.partnerattribution.httpclient5;
}
