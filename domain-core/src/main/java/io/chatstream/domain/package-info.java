/**
 * Shared kernel: typed identifiers and DDD building blocks used by every bounded context.
 * Depends on the JDK only.
 */
package io.chatstream.domain;
