/** Domain of ConversationQueryContext: read-model rules (answer precedence, titles, cursors, stream chunks).
 *  Depends on the JDK and the shared kernel only. */
package io.chatstream.query.domain;
