/** Models, infrastructure: Spring wiring. */
package io.chatstream.query.models.infrastructure;
