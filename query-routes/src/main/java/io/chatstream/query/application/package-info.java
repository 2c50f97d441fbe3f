/** Use cases of ConversationQueryContext (projections, answer streaming, history) and the ports they need.
 *  No framework here: infrastructure implements the ports. */
package io.chatstream.query.application;
