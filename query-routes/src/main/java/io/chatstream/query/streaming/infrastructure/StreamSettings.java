package io.chatstream.query.streaming.infrastructure;

import java.time.Duration;

/** Tuning of the answer stream multiplexer (chat.stream.* in application.yml). */
record StreamSettings(Duration heartbeatInterval, Duration startTimeout, Duration block, int readCount,
        Duration tick) {
}
