package io.chatstream.query.projection.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.FinalAnswer;
import io.chatstream.query.history.domain.MessageView;
import io.chatstream.query.projection.domain.FinishedAnswer;
import io.chatstream.query.projection.domain.SubmittedPrompt;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProjectionsTest {

    private final InMemoryReadModels models = new InMemoryReadModels();
    private final ProjectingPrompt prompts = new ProjectingPrompt(models, models, models, models);
    private final ProjectingAnswer answers = new ProjectingAnswer(models, models, models);

    private final RequestId request = new RequestId("request-0001");
    private final SessionId session = new SessionId("session-0001");
    private final UserId user = new UserId("alice");
    private final Instant t0 = Instant.parse("2026-11-25T10:00:00Z");

    private SubmittedPrompt prompt(String text) {
        return new SubmittedPrompt(request, session, user, 1, text, t0);
    }

    private FinishedAnswer answer(String status, String text, Instant at) {
        return answer(status, text, "", at);
    }

    private FinishedAnswer answer(String status, String text, String reasoning, Instant at) {
        return new FinishedAnswer(request, session, user, 1,
                new FinalAnswer(status, text, reasoning, "stop", "", "", 1, 2), at);
    }

    @Test
    @DisplayName("a prompt yields ownership, a submitted user message, a queued placeholder and a titled session")
    void promptProjection() {
        prompts.project(prompt("Hello there"));

        assertThat(models.find(request)).hasValueSatisfying(o -> assertThat(o.ownedBy(user)).isTrue());
        assertThat(models.messagesOf(session)).extracting(MessageView::status)
                .containsExactly("submitted", "queued");
        assertThat(models.find(session)).hasValueSatisfying(s -> {
            assertThat(s.title()).isEqualTo("Hello there");
            assertThat(s.messageCount()).isEqualTo(2);
        });
        assertThat(models.signalled).containsExactly(request);
    }

    @Test
    @DisplayName("an answer replaces the placeholder and moves the session forward")
    void answerProjection() {
        prompts.project(prompt("Hello"));

        boolean changed = answers.project(answer("completed", "Hi!", t0.plusSeconds(3)));

        assertThat(changed).isTrue();
        assertThat(models.answer(request)).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo("completed");
            assertThat(m.content()).isEqualTo("Hi!");
        });
        assertThat(models.find(session).orElseThrow().updatedAt()).isEqualTo(t0.plusSeconds(3));
    }

    @Test
    @DisplayName("a duplicate answer changes nothing")
    void duplicateAnswer() {
        prompts.project(prompt("Hello"));
        answers.project(answer("completed", "Hi!", t0.plusSeconds(3)));

        boolean changed = answers.project(answer("completed", "Different", t0.plusSeconds(9)));

        assertThat(changed).isFalse();
        assertThat(models.answer(request).orElseThrow().content()).isEqualTo("Hi!");
        assertThat(models.find(session).orElseThrow().updatedAt()).isEqualTo(t0.plusSeconds(3));
    }

    @Test
    @DisplayName("a completed answer after a failed one (DLQ replay) replaces it")
    void replayAfterFailure() {
        prompts.project(prompt("Hello"));
        answers.project(answer("failed", "", t0.plusSeconds(3)));

        answers.project(answer("completed", "Finally", t0.plusSeconds(60)));

        assertThat(models.answer(request).orElseThrow().status()).isEqualTo("completed");
    }

    @Test
    @DisplayName("an answer's reasoning is stored with its text, and follows the text's rules for duplicates and replays")
    void reasoning() {
        prompts.project(prompt("Hello"));
        answers.project(answer("failed", "", "", t0.plusSeconds(3)));

        answers.project(answer("completed", "Hi!", "They greet me.", t0.plusSeconds(60)));
        boolean duplicate = answers.project(answer("completed", "Hello!", "Another thought.", t0.plusSeconds(90)));

        assertThat(duplicate).isFalse();
        assertThat(models.answer(request)).hasValueSatisfying(m -> {
            assertThat(m.content()).isEqualTo("Hi!");
            assertThat(m.reasoning()).isEqualTo("They greet me.");
        });
        assertThat(models.messagesOf(session)).extracting(MessageView::reasoning)
                .containsExactly("", "They greet me.");
    }

    @Test
    @DisplayName("an answer before its prompt survives the prompt, which still titles the session")
    void answerBeforePrompt() {
        answers.project(answer("completed", "Early", t0.plusSeconds(3)));

        prompts.project(prompt("Late prompt"));

        assertThat(models.messagesOf(session)).extracting(MessageView::status)
                .containsExactly("submitted", "completed");
        assertThat(models.find(session).orElseThrow().title()).isEqualTo("Late prompt");
        assertThat(models.find(session).orElseThrow().createdAt()).isEqualTo(t0);
    }
}
