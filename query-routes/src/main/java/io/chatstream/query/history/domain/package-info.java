/** History domain: session and message views, answer status and final answer, opaque cursors, page sizes, search
 *  terms, hits and their snippets. Depends on the JDK and the shared kernel only. */
package io.chatstream.query.history.domain;
