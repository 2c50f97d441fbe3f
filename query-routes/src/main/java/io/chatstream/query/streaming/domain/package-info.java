/** Streaming domain: request ownership, stream chunks and the replay of a stored answer.
 *  Depends on the JDK, the shared kernel and history's domain only. */
package io.chatstream.query.streaming.domain;
