/**
 * Interfaces layer: the whole public HTTP surface, for every concept: the JSON API (Camel REST DSL beans), the
 * SSE answer stream, the filters in front of them and the page. Translates HTTP to use-case calls and rejections
 * to HTTP statuses; holds no rules. One home, because the concepts' endpoints share this plumbing.
 */
package io.chatstream.gateway.api.interfaces;
