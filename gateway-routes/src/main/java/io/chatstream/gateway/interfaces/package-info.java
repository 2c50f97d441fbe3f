/**
 * Interfaces layer: the public HTTP JSON API (Camel REST DSL beans), the SSE adapter and the page.
 * Translates HTTP to use-case calls and rejections to HTTP statuses; holds no rules.
 */
package io.chatstream.gateway.interfaces;
