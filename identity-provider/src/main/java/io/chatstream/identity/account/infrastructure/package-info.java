/**
 * The user accounts: Spring Security's JDBC user store with BCrypt passwords, and the demo users created at start.
 */
package io.chatstream.identity.account.infrastructure;
