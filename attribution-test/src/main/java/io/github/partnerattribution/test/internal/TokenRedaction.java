package io.github.partnerattribution.test.internal;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a bearer token out of the emulator's journal: an {@code Authorization} header is cut to its scheme, the first
 * four characters of its credential and the credential's length before the request is routed or recorded, so what a
 * test or anyone with the journal sees cannot be replayed against Azure. The router needs only "a bearer token". Not
 * API.
 */
public final class TokenRedaction implements StubRequestFilterV2 {
    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (!request.containsHeader("Authorization")) {
            return RequestFilterAction.continueWith(request);
        }
        return RequestFilterAction.continueWith(RequestWrapper.create()
                .transformHeader("Authorization", TokenRedaction::redacted).wrap(request));
    }

    static List<String> redacted(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String value : values) {
            out.add(redacted(value));
        }
        return out;
    }

    /** {@code Bearer eyJ0...(redacted, 1234 characters)}; a value without a credential stays as it is. */
    static String redacted(String value) {
        String trimmed = value.trim();
        int space = trimmed.indexOf(' ');
        String credential = space < 0 ? "" : trimmed.substring(space + 1).trim();
        if (credential.isEmpty()) {
            return value;
        }
        return trimmed.substring(0, space) + " " + credential.substring(0, Math.min(4, credential.length()))
                + "...(redacted, " + credential.length() + " characters)";
    }

    @Override
    public String getName() {
        return "partner-attribution-token-redaction";
    }
}
