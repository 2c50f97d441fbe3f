/** Streaming use case (streaming an answer, live or replayed), ownership waits, rejections, and the ports it needs.
 *  No framework here: infrastructure implements the ports. */
package io.chatstream.query.streaming.application;
