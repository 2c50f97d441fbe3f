/** Spring wiring of the history use cases. */
package io.chatstream.gateway.history.infrastructure;
