package io.flashbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Issues and checks HS256 JWTs carrying {@code sub}, {@code iat}, {@code exp} and {@code jti}.
 * The signing key is random per sandbox start, so tokens never survive a restart; {@code logout}
 * revokes a token by its {@code jti}.
 */
@Component
class TokenIssuer {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private final byte[] key = new byte[32];
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    /** Per user: tokens issued in or before this second are revoked (FlashConnect "revoke sessions"). */
    private final Map<String, Long> revokedUpTo = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final SandboxProperties properties;
    private final SimulationClock clock;

    TokenIssuer(SandboxProperties properties, SimulationClock clock) {
        this.properties = properties;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    String issue(String email) {
        long iat = clock.now().getEpochSecond();
        long exp = iat + properties.tokenLifetime().toSeconds();
        String header = encode(Map.of("alg", "HS256", "typ", "JWT"));
        String payload = encode(Map.of("sub", email, "iat", iat, "exp", exp, "jti", UUID.randomUUID().toString()));
        String signingInput = header + "." + payload;
        return signingInput + "." + B64URL.encodeToString(sign(signingInput));
    }

    /** Returns the user e-mail of a valid token, or throws {@link UnauthenticatedException}. */
    String verify(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new UnauthenticatedException("Invalid token");
        }
        byte[] expected = sign(parts[0] + "." + parts[1]);
        byte[] given;
        JsonNode payload;
        try {
            given = B64URL_DECODER.decode(parts[2]);
            payload = json.readTree(B64URL_DECODER.decode(parts[1]));
        } catch (Exception e) {
            throw new UnauthenticatedException("Invalid token");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new UnauthenticatedException("Invalid token");
        }
        if (revoked.contains(payload.path("jti").asText())
                || payload.path("iat").asLong() <= revokedUpTo.getOrDefault(payload.path("sub").asText(), Long.MIN_VALUE)) {
            throw new UnauthenticatedException("Token has been revoked");
        }
        if (Instant.ofEpochSecond(payload.path("exp").asLong()).isBefore(clock.now())) {
            throw new UnauthenticatedException("Token has expired");
        }
        return payload.path("sub").asText();
    }

    /** Revokes every token {@code email} holds now; the next login gets a fresh one. */
    void revokeAll(String email) {
        revokedUpTo.put(email, clock.now().getEpochSecond());
    }

    void revoke(String token) {
        String[] parts = token.split("\\.");
        try {
            revoked.add(json.readTree(B64URL_DECODER.decode(parts[1])).path("jti").asText());
        } catch (Exception e) {
            throw new UnauthenticatedException("Invalid token");
        }
    }

    private String encode(Map<String, Object> claims) {
        try {
            return B64URL.encodeToString(json.writeValueAsBytes(claims));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
