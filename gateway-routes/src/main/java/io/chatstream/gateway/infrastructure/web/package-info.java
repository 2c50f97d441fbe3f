/** Infrastructure: the servlet container (Tomcat) tuned for thousands of long-lived SSE connections. */
package io.chatstream.gateway.infrastructure.web;
