package io.chatstream.gateway.identity.application;

import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import java.util.Optional;

/** Use case: on a developer's machine, sign in as any well-formed user name without an identity provider. */
public class IssuingDevToken {

    private final AccessTokens accessTokens;
    private final boolean enabled;

    public IssuingDevToken(AccessTokens accessTokens, boolean enabled) {
        this.accessTokens = accessTokens;
        this.enabled = enabled;
    }

    /** Whether the development sign-in exists here (chat.auth.dev-token-enabled, local profile only). */
    public boolean enabled() {
        return enabled;
    }

    public Outcome<String> issue(String userId) {
        if (!enabled) {
            return Outcome.rejected(GatewayCodes.NOT_FOUND, "not found");
        }
        Optional<UserId> user = UserId.parse(userId);
        if (user.isEmpty()) {
            return Outcome.rejected(GatewayCodes.INVALID_USER_ID, "user_id must be 1-64 of A-Z a-z 0-9 . _ @ -");
        }
        return Outcome.done(accessTokens.mint(user.get()));
    }
}
