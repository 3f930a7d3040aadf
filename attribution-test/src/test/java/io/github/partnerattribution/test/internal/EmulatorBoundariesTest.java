package io.github.partnerattribution.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.partnerattribution.test.ArmEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What another local user can do to an emulator started by {@code attribution emulator}: nothing through WireMock's
 * admin API, no bearer token to read from its journal, no file of it to read or replace, and a failed start leaves
 * nothing behind and says why.
 */
class EmulatorBoundariesTest {
    static final String GROUPS = "subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID
            + "/resourcegroups?api-version=2021-04-01";
    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.secret-part-of-the-token";

    static HttpResponse<String> send(ArmEmulator arm, String method, String path, String authorization)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(arm.sslContext()).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(arm.endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAdminApiAnswersNoOneOverHttp() throws Exception {
        try (ArmEmulator arm = ArmEmulator.start()) {
            send(arm, "GET", GROUPS, "Bearer " + TOKEN);
            for (String[] call : new String[][] {{"GET", "__admin/requests"}, {"GET", "__admin/mappings"},
                {"POST", "__admin/mappings/save"}, {"POST", "__admin/reset"}, {"POST", "__admin/shutdown"}}) {
                HttpResponse<String> r = send(arm, call[0], call[1], null);
                assertEquals(401, r.statusCode(), call[1] + ": " + r.body());
                assertFalse(r.body().contains("secret-part"), r.body());
            }
            assertEquals(200, send(arm, "GET", GROUPS, "Bearer t").statusCode(),
                    "still serving");
        }
    }

    @Test
    void aBearerTokenIsNeverRecordedInFull() throws Exception {
        try (ArmEmulator arm = ArmEmulator.start()) {
            assertEquals(200, send(arm, "GET", GROUPS, "Bearer " + TOKEN)
                    .statusCode());
            for (ServeEvent e : WireMockAccess.of(arm).getAllServeEvents()) {
                String recorded = e.getRequest().getHeader("Authorization");
                assertTrue(recorded != null && recorded.startsWith("Bearer ") && !recorded.contains("secret-part"),
                        recorded);
                assertFalse(e.getRequest().getAllHeaderKeys().stream()
                        .anyMatch(k -> e.getRequest().getHeader(k).contains("secret-part")));
            }
        }
    }

    @Test
    void itsFilesAreItsUsersAloneInAFolderOfTheirOwn() throws Exception {
        try (ArmEmulator arm = ArmEmulator.start()) {
            Path store = arm.trustStore();
            Path folder = store.getParent();
            assertNotEquals(Paths.get(System.getProperty("java.io.tmpdir")).toRealPath(), folder.toRealPath(),
                    "not directly in the shared temp folder");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        }
    }

    @Test
    void aStartOnAPortInUseSaysSoAndLeavesNothingBehind() throws Exception {
        Set<Path> before = emulatorFiles();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ArmEmulator.startOnPort(taken.getLocalPort()).close());
            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort())
                    && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("in use")
                    && !e.getMessage().contains("STOPPED"), e.getMessage());
        }
        assertEquals(before, emulatorFiles(), "nothing left in the temp folder");
    }

    /** The emulator's entries in the temp folder, by name. */
    static Set<Path> emulatorFiles() throws IOException {
        try (Stream<Path> all = Files.list(Paths.get(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("arm-emulator")).collect(Collectors.toSet());
        }
    }
}
