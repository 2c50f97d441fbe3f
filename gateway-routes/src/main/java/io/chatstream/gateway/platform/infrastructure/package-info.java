/**
 * Service-wide technical set-up that belongs to no concept: Tomcat tuned for thousands of long-lived SSE
 * connections, and observability (trace context on the route threads, metrics of the open answer streams).
 */
package io.chatstream.gateway.platform.infrastructure;
