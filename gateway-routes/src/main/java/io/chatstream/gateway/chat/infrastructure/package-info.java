/** Spring wiring of the chat use cases. */
package io.chatstream.gateway.chat.infrastructure;
