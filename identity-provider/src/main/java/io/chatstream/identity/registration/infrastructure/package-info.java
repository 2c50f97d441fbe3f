/**
 * Registration's settings, its account store on Spring Security's JDBC user store, and the wiring.
 */
package io.chatstream.identity.registration.infrastructure;
