/**
 * Application layer: one class per use case (sending, stopping, streaming, browsing history) and
 * the ports to the command and query services. Framework-free; rejections are values.
 */
package io.chatstream.gateway.application;
