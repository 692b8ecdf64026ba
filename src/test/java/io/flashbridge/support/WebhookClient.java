package io.flashbridge.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Posts webhooks to a bridge as Flash (or an outsider) would: signed, forged, or not JSON at all. */
public final class WebhookClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public WebhookClient(int port) {
        this.port = port;
    }

    /** A regular webhook signed with the test secret. */
    public HttpResponse<String> signed(String body, String requestId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post("/webhooks/flash", "application/json", bytes, Hmac.base64(SandboxServer.WEBHOOK_SECRET, bytes), requestId);
    }

    /** An ad hoc callback carrying the token the bridge issues for {@code tokenFor}. */
    public HttpResponse<String> callback(String body, String tokenFor) {
        String token = URLEncoder.encode(Hmac.base64(SandboxServer.CALLBACK_SECRET, tokenFor.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        return post("/webhooks/flash/callback?signature=" + token, "application/json", body.getBytes(StandardCharsets.UTF_8), null,
                UUID.randomUUID().toString());
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body, String signature, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("user-agent", "FlashFX")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        if (requestId != null) {
            request.header("flashfx-request-id", requestId);
        }
        if (signature != null) {
            request.header("flashfx-signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
