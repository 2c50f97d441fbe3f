/**
 * The benchmark: a non-blocking load client (java.net.http + HdrHistogram) that drives a local stack
 * started from the jars, reads CPU and memory from /proc and the services' JVMs, and writes the report.
 */
package io.chatstream.benchmarks;
