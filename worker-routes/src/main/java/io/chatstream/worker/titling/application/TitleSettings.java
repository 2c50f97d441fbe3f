package io.chatstream.worker.titling.application;

import java.time.Duration;

/**
 * {@code chat.titles.*}: whether titles are suggested, the model and instruction used, the title's
 * longest length, how much of the first prompt and answer the model reads, how long it may take, and
 * how old an answer may be to still get one (older ones come from a re-read topic).
 */
public record TitleSettings(boolean enabled, String model, String instruction, int maxLength, int maxInputChars,
        Duration timeout, Duration maxAge) {
}
