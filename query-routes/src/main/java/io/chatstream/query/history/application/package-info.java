/** History use cases (listing sessions, reading a session's messages, searching messages) and the read-model ports
 *  they page through. No framework here: infrastructure implements the ports. */
package io.chatstream.query.history.application;
