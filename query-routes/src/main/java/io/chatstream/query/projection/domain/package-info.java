/** Projection domain: the events this context projects (submitted prompt, finished answer, session change) and
 *  the title rule. Depends on the JDK, the shared kernel and other concepts' domain only. */
package io.chatstream.query.projection.domain;
