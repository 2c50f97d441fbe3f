/** Service-wide wiring that belongs to no concept: the clock, and observability (sub-package).
 *  Other concepts receive these beans by injection, never by naming these classes. */
package io.chatstream.query.platform.infrastructure;
