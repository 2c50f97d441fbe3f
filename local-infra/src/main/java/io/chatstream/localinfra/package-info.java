/**
 * Real infrastructure processes for the local run and the integration tests: a Kafka broker in
 * KRaft mode, Redis and MariaDB. Binaries on PATH are preferred; otherwise the embedded jars
 * named in ARCHITECTURE.md are used, so a machine with only a JDK works.
 */
package io.chatstream.localinfra;
