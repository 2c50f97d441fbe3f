package io.chatstream.command.conversation.domain;

import io.chatstream.domain.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The model tokens (input and output) each user's answers used per day (UTC): what the daily token budget counts. */
public interface DailyTokens {

    /** Tokens the user's answers recorded on that day used; 0 when none. */
    long spentOn(UserId user, LocalDate day);

    /** Adds an answer's tokens to the user's day. */
    void add(UserId user, LocalDate day, long tokens);

    /** The budget's day of an instant: days are counted in UTC, the same on every instance. */
    static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
