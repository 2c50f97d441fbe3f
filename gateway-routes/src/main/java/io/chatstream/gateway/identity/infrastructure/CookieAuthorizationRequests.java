package io.chatstream.gateway.identity.infrastructure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatstream.gateway.identity.application.SignInCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.util.WebUtils;

/**
 * Keeps a sign-in's authorization request (state, nonce, PKCE verifier) between the redirect to the
 * provider and its return in a short-lived HttpOnly cookie instead of an HTTP session, so the return may
 * reach any gateway instance and the gateway stays stateless. The cookie is signed (HMAC-SHA256 keyed by
 * the client secret every instance shares) and read only when the signature and the returned
 * {@code state} match; it is {@code SameSite=Lax} because the return is a top-level navigation from the
 * provider's site.
 */
final class CookieAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "chat_sign_in";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final CookieSecurity security;

    CookieAuthorizationRequests(String clientSecret, CookieSecurity security) {
        this.key = ("chatstream sign-in state|" + clientSecret).getBytes(StandardCharsets.UTF_8);
        this.security = security;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null) {
            return null;
        }
        OAuth2AuthorizationRequest stored = read(request);
        return stored != null && state.equals(stored.getState()) ? stored : null;
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorizationRequest == null) {
            clear(request, response);
            return;
        }
        response.addHeader("Set-Cookie", cookie(request, write(authorizationRequest), LIFETIME));
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest stored = loadAuthorizationRequest(request);
        if (stored != null) {
            clear(request, response);
        }
        return stored;
    }

    private void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO));
    }

    private String cookie(HttpServletRequest request, String value, Duration age) {
        return SignInCookies.setCookie(COOKIE, value, age, security.secure(request), "Lax");
    }

    String write(OAuth2AuthorizationRequest r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("authorizationUri", r.getAuthorizationUri());
        fields.put("clientId", r.getClientId());
        fields.put("redirectUri", r.getRedirectUri());
        fields.put("scopes", List.copyOf(r.getScopes()));
        fields.put("state", r.getState());
        fields.put("additionalParameters", r.getAdditionalParameters());
        fields.put("attributes", r.getAttributes());
        fields.put("authorizationRequestUri", r.getAuthorizationRequestUri());
        try {
            String payload = B64.encodeToString(JSON.writeValueAsBytes(fields));
            return payload + "." + B64.encodeToString(mac(payload));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the sign-in state", e);
        }
    }

    /** Null for a missing, tampered or unreadable cookie: the sign-in then fails and starts over. */
    OAuth2AuthorizationRequest read(HttpServletRequest request) {
        jakarta.servlet.http.Cookie cookie = WebUtils.getCookie(request, "__Host-" + COOKIE);
        if (cookie == null) {
            cookie = WebUtils.getCookie(request, COOKIE);
        }
        if (cookie == null) {
            return null;
        }
        String[] parts = cookie.getValue().split("\\.", -1);
        try {
            if (parts.length != 2 || !MessageDigest.isEqual(mac(parts[0]), Base64.getUrlDecoder().decode(parts[1]))) {
                return null;
            }
            Map<String, Object> f = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]), new TypeReference<>() {
            });
            @SuppressWarnings("unchecked")
            List<String> scopes = (List<String>) f.get("scopes");
            @SuppressWarnings("unchecked")
            Map<String, Object> additional = (Map<String, Object>) f.get("additionalParameters");
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) f.get("attributes");
            return OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri((String) f.get("authorizationUri"))
                    .clientId((String) f.get("clientId"))
                    .redirectUri((String) f.get("redirectUri"))
                    .scopes(Set.copyOf(scopes))
                    .state((String) f.get("state"))
                    .additionalParameters(additional)
                    .attributes(attributes)
                    .authorizationRequestUri((String) f.get("authorizationRequestUri"))
                    .build();
        } catch (Exception e) {
            return null;
        }
    }

    private byte[] mac(String payload) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    }
}
