/** Wiring of the HTTP edge: the filters in front of the API, in their order, and the SSE writer threads. */
package io.chatstream.gateway.api.infrastructure;
