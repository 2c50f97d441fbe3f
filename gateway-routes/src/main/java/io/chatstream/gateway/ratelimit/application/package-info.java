/** Port: how many prompts a person may send, one allowance shared by every gateway instance. */
package io.chatstream.gateway.ratelimit.application;
