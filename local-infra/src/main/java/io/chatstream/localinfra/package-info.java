/**
 * Real infrastructure processes for the local run and the integration tests: a Kafka broker in
 * KRaft mode, Redis and MariaDB, each a child process that can be stopped, killed and restarted on
 * its data. Binaries on PATH are preferred; otherwise the binaries shipped in the jars named in
 * ARCHITECTURE.md are run, so a machine with only a JDK works. A data directory keeps the build
 * that wrote it ({@link io.chatstream.localinfra.ServerBuild}).
 */
package io.chatstream.localinfra;
