/** A DashScope (Bailian) wire-compatible streaming server for tests and the offline stack. */
/* A test double, not a service: no DDD layers, JDK HttpServer + Jackson only. */
package io.chatstream.simulator;
