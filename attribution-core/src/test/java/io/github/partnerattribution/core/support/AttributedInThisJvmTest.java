package io.github.partnerattribution.core.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a client attributes is recorded once per id and path, and only when the User-Agent is attributed anew. */
class AttributedInThisJvmTest {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");

    @AfterEach
    void forget() {
        AttributedInThisJvm.forgetForTests();
    }

    @Test
    void eachIdAndPathIsRecordedOnceWhenARequestIsAttributed() {
        AttributedInThisJvm.forgetForTests();
        UserAgentMemo memo = new UserAgentMemo(Attribution.of(ID, Map.of(), Map.of()), "a test client");
        assertEquals(List.of(), AttributedInThisJvm.all());
        memo.apply("sdk/1");
        memo.apply("sdk/1");
        memo.apply("sdk/2");
        new UserAgentMemo(Attribution.of(ID, Map.of(), Map.of()), "another path").apply("sdk/1");
        assertEquals(List.of(ID.token() + " through a test client", ID.token() + " through another path"),
                AttributedInThisJvm.all());
    }

    @Test
    void nothingIsRecordedWhenNothingIsSentOrTheCustomerOptedOut() {
        AttributedInThisJvm.forgetForTests();
        new UserAgentMemo(Attribution.of(ID, Map.of(), Map.of("AZURE_PARTNER_ATTRIBUTION_DISABLED", "true")), "opted out")
                .apply("sdk/1");
        new UserAgentMemo(Attribution.of(ID, Map.of(), Map.of()), "already there").apply("sdk/1 " + ID.token());
        assertEquals(List.of(), AttributedInThisJvm.all());
    }

    @Test
    void atMostSixteenAreKept() {
        AttributedInThisJvm.forgetForTests();
        for (int i = 0; i < 40; i++) {
            new UserAgentMemo(Attribution.of(ID, Map.of(), Map.of()), "path " + i).apply("sdk/1");
        }
        assertEquals(AttributedInThisJvm.KEPT, AttributedInThisJvm.all().size());
    }
}
