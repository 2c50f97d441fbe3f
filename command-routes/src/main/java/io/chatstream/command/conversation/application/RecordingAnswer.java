package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.SessionState;
import io.chatstream.command.conversation.domain.DailyTokens;
import java.time.Instant;
import io.chatstream.command.conversation.domain.ConversationSession;
import io.chatstream.command.conversation.domain.Prompts;
import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.command.conversation.domain.UserPrompt;
import java.time.Clock;
import java.util.Optional;

/**
 * Use case: record how an answer ended (its text becomes context for later turns), add its tokens to its
 * user's day (the daily token budget), and free the session for its next prompt. Idempotent: a
 * redelivered answer changes nothing, its tokens are counted once.
 */
public class RecordingAnswer {

    public enum Result { RECORDED, ALREADY_RECORDED, UNKNOWN_REQUEST }

    private final Sessions sessions;
    private final Prompts prompts;
    private final DailyTokens dailyTokens;
    private final Transactions transactions;
    private final Clock clock;

    public RecordingAnswer(Sessions sessions, Prompts prompts, DailyTokens dailyTokens, Transactions transactions,
            Clock clock) {
        this.sessions = sessions;
        this.prompts = prompts;
        this.dailyTokens = dailyTokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Result record(RecordAnswer answer) {
        return transactions.retryingConflicts(() -> recordOnce(answer));
    }

    private Result recordOnce(RecordAnswer answer) {
        Optional<UserPrompt> found = prompts.find(answer.requestId());
        if (found.isEmpty()) {
            return Result.UNKNOWN_REQUEST;
        }
        UserPrompt prompt = found.get();
        Instant now = clock.instant();
        Optional<ConversationSession> session = sessions.find(prompt.sessionId());
        // The session was deleted while its answer ran: its state is kept, its text is not (erased at delete).
        boolean erased = session.isEmpty() || session.get().state() == SessionState.DELETED;
        boolean recorded = prompt.recordAnswer(answer.state(), erased ? "" : answer.text(), now);
        if (recorded) {
            prompts.update(prompt);
            if (answer.tokens() > 0) {
                dailyTokens.add(prompt.userId(), DailyTokens.dayOf(now), answer.tokens());
            }
        }
        if (session.isPresent() && session.get().release(prompt.requestId())) {
            sessions.save(session.get());
        }
        return recorded ? Result.RECORDED : Result.ALREADY_RECORDED;
    }
}
