/** Infrastructure: the per-user send rate limit as Bucket4j token buckets in Redis, shared by every gateway instance. */
package io.chatstream.gateway.ratelimit.infrastructure;
