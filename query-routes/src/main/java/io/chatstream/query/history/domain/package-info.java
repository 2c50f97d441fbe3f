/** History domain: session and message views, answer status and final answer, opaque cursors, page sizes.
 *  Depends on the JDK and the shared kernel only. */
package io.chatstream.query.history.domain;
