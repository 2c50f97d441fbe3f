/**
 * The one-command local run: real Kafka, Redis and MariaDB, the Bailian simulator (or the real
 * endpoint when DASHSCOPE_API_KEY is set) and the four services as separate processes.
 */
package io.chatstream.localstack;
