package io.github.partnerattribution.operations;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.azure.core.util.serializer.JacksonAdapter;
import com.azure.core.util.serializer.SerializerEncoding;
import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * Partner Admin Link (PAL): links the identity a partner uses in a customer's tenant to the partner's numeric Partner
 * ID from Partner Center, through ARM's {@code Microsoft.ManagementPartner/partners} API ({@value #API_VERSION}). It
 * is the partner's other credit mechanism: customer usage attribution tags what a deployment or a client does with a
 * tracking GUID ({@code pid-<guid>}); PAL credits the partner for the resources its linked identity manages.
 *
 * <p>An answer with an error status, or one that cannot be read, is an {@code HttpResponseException} (as in every
 * Azure SDK client) whose message gives the status and the service's error code and message.
 *
 * <p>The pipeline decides authentication and safety: give it a bearer-token policy for the identity to link, and
 * (as {@code attribution pal} does) policies that keep requests on the endpoint and bound the work.
 *
 * <pre>{@code
 * PartnerAdminLink pal = PartnerAdminLink.create(pipeline, "https://management.azure.com/");
 * PartnerAdminLink.Link link = pal.link("1234567");
 * System.out.println(link.partnerName() + " " + link.state());
 * }</pre>
 */
public final class PartnerAdminLink {
    /** The api-version of {@code Microsoft.ManagementPartner}. */
    public static final String API_VERSION = "2018-02-01";
    private static final String PARTNERS = "providers/Microsoft.ManagementPartner/partners";

    private final HttpPipeline pipeline;
    private final URI endpoint;

    private PartnerAdminLink(HttpPipeline pipeline, URI endpoint) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
    }

    /**
     * PAL through a pipeline to an ARM endpoint.
     *
     * @param pipeline authenticates as the identity to link (and whatever else the caller adds)
     * @param endpoint the Resource Manager endpoint, such as {@code https://management.azure.com/}
     * @return the client
     */
    public static PartnerAdminLink create(HttpPipeline pipeline, String endpoint) {
        if (pipeline == null) {
            throw new NullPointerException("pipeline must not be null");
        }
        return new PartnerAdminLink(pipeline, URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/"));
    }

    /**
     * Checks a Partner Center Partner ID (a number, the partner's MPN or location id), telling it apart from a
     * customer usage attribution GUID.
     *
     * @param value the id as given
     * @return the id, trimmed
     * @throws IllegalArgumentException naming the value and what a Partner ID is
     */
    public static String requirePartnerCenterId(String value) {
        String v = value == null ? "" : value.trim();
        if (v.matches("[0-9]{1,12}")) {
            return v;
        }
        boolean guid;
        try {
            PartnerId.parse(v);
            guid = true;
        } catch (InvalidPartnerIdException e) {
            guid = false;
        }
        if (guid) {
            throw new IllegalArgumentException(Text.quote(v) + " is a GUID: a tracking GUID of customer usage"
                    + " attribution, which goes into pid-<guid>. Partner Admin Link takes your Partner ID from Partner"
                    + " Center, a number such as 1234567.");
        }
        throw new IllegalArgumentException(Text.quote(v) + " is not a Partner ID: Partner Center's Partner ID (for"
                + " Partner Admin Link) is a number of up to 12 digits, such as 1234567.");
    }

    /**
     * The link of the identity the pipeline authenticates as, if any.
     *
     * @return the link, or null when the identity is linked to no partner
     */
    public Link show() {
        return read(send(HttpMethod.GET, PARTNERS), true);
    }

    /**
     * The identity's link to one Partner ID, if it is linked to it.
     *
     * @param partnerCenterId the Partner ID
     * @return the link, or null when it is not linked to that Partner ID
     */
    public Link show(String partnerCenterId) {
        return read(send(HttpMethod.GET, PARTNERS + "/" + requirePartnerCenterId(partnerCenterId)), true);
    }

    /**
     * Links the identity to a Partner ID: creates the link, or moves an existing link to this Partner ID; nothing
     * changes when it is already linked to it.
     *
     * @param partnerCenterId the Partner ID
     * @return the link as the service holds it now
     */
    public Link link(String partnerCenterId) {
        String id = requirePartnerCenterId(partnerCenterId);
        Link current = show();
        if (current != null && id.equals(current.partnerId())) {
            return current;
        }
        HttpMethod method = current == null ? HttpMethod.PUT : HttpMethod.PATCH;
        return read(send(method, PARTNERS + "/" + id), false);
    }

    /**
     * Removes the identity's link to a Partner ID.
     *
     * @param partnerCenterId the Partner ID
     * @return true when a link was removed, false when there was none
     */
    public boolean unlink(String partnerCenterId) {
        String id = requirePartnerCenterId(partnerCenterId);
        Answer answer = send(HttpMethod.DELETE, PARTNERS + "/" + id);
        if (answer.status == 404) {
            return false;
        }
        failUnlessOk(answer);
        return true;
    }

    /** One answer, read whole (the pipeline's policies bound its size). */
    private static final class Answer {
        final HttpResponse response;
        final int status;
        final String body;

        Answer(HttpResponse response, String body) {
            this.response = response;
            this.status = response.getStatusCode();
            this.body = body;
        }
    }

    private Answer send(HttpMethod method, String path) {
        HttpRequest request = new HttpRequest(method, endpoint.resolve(path + "?api-version=" + API_VERSION).toString());
        if (method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody("{}");
        }
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            byte[] body = response.getBodyAsByteArray().block();
            return new Answer(response, body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Link read(Answer answer, boolean absentIsNull) {
        if (absentIsNull && (answer.status == 404 || (answer.status == 200 && answer.body.trim().isEmpty()))) {
            return null;
        }
        failUnlessOk(answer);
        Map<?, ?> json = parse(answer);
        Object properties = json.get("properties");
        if (!(properties instanceof Map)) {
            throw new HttpResponseException("the endpoint's answer holds no partner properties: " + Text.quote(
                    answer.body.length() > 200 ? answer.body.substring(0, 200) + "..." : answer.body), answer.response);
        }
        Map<?, ?> p = (Map<?, ?>) properties;
        return new Link(string(p, "partnerId"), string(p, "partnerName"), string(p, "tenantId"), string(p, "objectId"),
                string(p, "state"), string(p, "updatedTime"));
    }

    private static void failUnlessOk(Answer answer) {
        if (answer.status >= 200 && answer.status < 300) {
            return;
        }
        String code = null;
        String message = null;
        try {
            Object error = parse(answer).get("error");
            if (error instanceof Map) {
                code = string((Map<?, ?>) error, "code");
                message = string((Map<?, ?>) error, "message");
            }
        } catch (HttpResponseException notJson) {
            // described by the status alone
        }
        throw new HttpResponseException("the endpoint answered " + answer.status
                + (code == null ? "" : " " + Text.quote(code)) + (message == null ? "" : ": " + Text.quote(message)),
                answer.response);
    }

    private static Map<?, ?> parse(Answer answer) {
        try {
            Object value = JacksonAdapter.createDefaultSerializerAdapter().deserialize(answer.body, Map.class,
                    SerializerEncoding.JSON);
            if (value instanceof Map) {
                return (Map<?, ?>) value;
            }
        } catch (IOException | RuntimeException e) {
            throw new HttpResponseException("the endpoint's answer is not JSON", answer.response, e);
        }
        throw new HttpResponseException("the endpoint's answer is not a JSON object", answer.response);
    }

    private static String string(Map<?, ?> map, String name) {
        Object value = map.get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** A link between an identity and a Partner ID, as the service reports it. Text comes from the service. */
    public static final class Link {
        private final String partnerId;
        private final String partnerName;
        private final String tenantId;
        private final String objectId;
        private final String state;
        private final String updatedTime;

        Link(String partnerId, String partnerName, String tenantId, String objectId, String state, String updatedTime) {
            this.partnerId = partnerId;
            this.partnerName = partnerName;
            this.tenantId = tenantId;
            this.objectId = objectId;
            this.state = state;
            this.updatedTime = updatedTime;
        }

        /** {@return the Partner ID} */
        public String partnerId() {
            return partnerId;
        }

        /** {@return the partner's name in Partner Center, or null} */
        public String partnerName() {
            return partnerName;
        }

        /** {@return the tenant of the linked identity} */
        public String tenantId() {
            return tenantId;
        }

        /** {@return the object id of the linked identity} */
        public String objectId() {
            return objectId;
        }

        /** {@return {@code Active} or {@code Deleted}} */
        public String state() {
            return state;
        }

        /** {@return when the link last changed, as the service writes it} */
        public String updatedTime() {
            return updatedTime;
        }

        /**
         * The link as one line of text.
         *
         * @return one line, every value from the service escaped for a terminal
         */
        public String text() {
            return "Partner ID " + Text.printable(String.valueOf(partnerId)) + (partnerName == null ? ""
                    : " (" + Text.printable(partnerName) + ")") + ", state " + Text.printable(String.valueOf(state))
                    + ", identity " + Text.printable(String.valueOf(objectId)) + " in tenant "
                    + Text.printable(String.valueOf(tenantId));
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
