/**
 * Microbenchmarks (JMH) of one piece of the hot path at a time, beside the whole-stack benchmark of the parent
 * package: run with {@code scripts/microbenchmark.sh} (docs/benchmarks.md).
 */
package io.chatstream.benchmarks.micro;
