/** Spring wiring of following answers, the scheduler of the pauses before a resume, and its metrics. */
package io.chatstream.gateway.streaming.infrastructure;
