/** History adapters: the session and message views and the message search in MariaDB (UTC wall time), and their
 *  Spring wiring. Implements the history ports. */
package io.chatstream.query.history.infrastructure;
