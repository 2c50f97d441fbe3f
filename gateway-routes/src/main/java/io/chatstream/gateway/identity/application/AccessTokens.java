package io.chatstream.gateway.identity.application;

import io.chatstream.domain.UserId;

/** Port that mints a signed access token for a user (development sign-in only). */
public interface AccessTokens {

    String mint(UserId user);
}
