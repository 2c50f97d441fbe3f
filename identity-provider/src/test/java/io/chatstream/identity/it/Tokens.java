package io.chatstream.identity.it;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful answer of /oauth2/token. */
record Tokens(String accessToken, String refreshToken, String idToken, String tokenType, long expiresIn, String scope) {

    static Tokens of(JsonNode json) {
        return new Tokens(json.path("access_token").asText(null), json.path("refresh_token").asText(null),
                json.path("id_token").asText(null), json.path("token_type").asText(null),
                json.path("expires_in").asLong(), json.path("scope").asText(null));
    }
}
