package io.github.partnerattribution.httpclient5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.junit.jupiter.api.Test;

/** A request with two or three User-Agent headers leaves with one, attributed once, ours last. */
class SeveralUserAgentsTest {
    private static final PartnerId OURS = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    private static final PartnerId OTHER = PartnerId.parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

    private static List<String> userAgents(String... sent) {
        return userAgents(Attribution.of(OURS), sent);
    }

    private static List<String> userAgents(Attribution attribution, String... sent) {
        BasicHttpRequest request = new BasicHttpRequest("GET", "/subscriptions");
        for (String value : sent) {
            request.addHeader("User-Agent", value);
        }
        PartnerAttributionRequestInterceptor.create(attribution).process(request, null, null);
        List<String> out = new ArrayList<>();
        for (Header h : request.getHeaders("User-Agent")) {
            out.add(h.getValue());
        }
        return out;
    }

    @Test
    void twoOrThreeHeadersBecomeOneAttributedOnce() {
        assertEquals(List.of("app/1 " + OURS.token()), userAgents("app/1", "lib/2"));
        assertEquals(List.of("app/1 " + OURS.token()), userAgents("app/1", OTHER.token(), "lib/3"));
    }

    @Test
    void noOtherPartnersIdIsKeptAfterOurs() {
        assertEquals(List.of(OURS.token()), userAgents(OURS.token(), OTHER.token()));
        assertEquals(List.of(OTHER.token() + " " + OURS.token()), userAgents(OTHER.token(), "x/1"));
    }

    @Test
    void withNothingToAttributeTheRequestIsLeftAsItIs() {
        assertEquals(List.of("app/1", "lib/2"), userAgents(Attribution.none(), "app/1", "lib/2"));
    }

    @Test
    void oneHeaderIsAttributedAsBefore() {
        assertEquals(List.of("app/1 " + OURS.token()), userAgents("app/1"));
        assertEquals(List.of(OURS.token()), userAgents());
    }
}
