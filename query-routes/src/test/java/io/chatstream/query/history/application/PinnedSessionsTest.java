package io.chatstream.query.history.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.SessionCursor;
import io.chatstream.query.history.domain.SessionView;
import io.chatstream.query.projection.application.InMemoryReadModels;
import io.chatstream.query.projection.application.ProjectingPrompt;
import io.chatstream.query.projection.application.ProjectingSessionChange;
import io.chatstream.query.projection.domain.SessionChange;
import io.chatstream.query.projection.domain.SubmittedPrompt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Listing sessions with pinned ones on top")
class PinnedSessionsTest {

    private final InMemoryReadModels models = new InMemoryReadModels();
    private final ListingSessions listing = new ListingSessions(models);
    private final ProjectingPrompt prompts = new ProjectingPrompt(models, models, models, models);
    private final ProjectingSessionChange changes = new ProjectingSessionChange(models, models, models);
    private final Instant t0 = Instant.parse("2026-11-25T10:00:00Z");

    /** Sessions session-000a.. at minutes 0, 1, 2...: the later the letter, the newer. */
    private void sessions(String letters) {
        for (int i = 0; i < letters.length(); i++) {
            String id = "session-000" + letters.charAt(i);
            prompts.project(new SubmittedPrompt(new RequestId("request-000" + letters.charAt(i)), new SessionId(id),
                    new UserId("alice"), 1, "prompt " + i, t0.plusSeconds(60L * i)));
        }
    }

    private void pin(String letter, boolean pinned, int minute) {
        changes.project(new SessionChange.Pinned(new SessionId("session-000" + letter), new UserId("alice"), pinned,
                t0.plusSeconds(3600 + 60L * minute)));
    }

    /** Every page of the list, {@code size} at a time, as the ids' letters. */
    private List<String> pages(int size) {
        List<String> pages = new ArrayList<>();
        String cursor = "";
        do {
            var found = (PageResult.Found<SessionView>) listing.list("alice", cursor, size);
            pages.add(String.join("", found.page().items().stream()
                    .map(s -> s.sessionId().value().substring(11)).toList()));
            cursor = found.page().nextCursor();
        } while (!cursor.isEmpty());
        return pages;
    }

    @Test
    @DisplayName("pinned sessions come first, newest first among them, then the others newest first")
    void order() {
        sessions("abcde");

        pin("a", true, 1);
        pin("c", true, 2);

        assertThat(pages(10)).containsExactly("caedb");
    }

    @Test
    @DisplayName("paging through the pinned/unpinned boundary skips and repeats nothing, whatever the page size")
    void pagesAcrossTheBoundary() {
        sessions("abcdefg");
        pin("b", true, 1);
        pin("e", true, 2);
        pin("a", true, 3);

        assertThat(pages(1)).containsExactly("e", "b", "a", "g", "f", "d", "c");
        assertThat(pages(2)).containsExactly("eb", "ag", "fd", "c");
        assertThat(pages(3)).containsExactly("eba", "gfd", "c");
    }

    @Test
    @DisplayName("an unpinned session goes back to its place in time: pinning is not activity")
    void unpin() {
        sessions("abc");
        pin("a", true, 1);

        pin("a", false, 2);

        assertThat(pages(10)).containsExactly("cba");
    }

    @Test
    @DisplayName("a cursor from before pins existed reads as a position among the unpinned sessions")
    void cursorWithoutPin() {
        sessions("abc");
        pin("a", true, 1);
        String oldCursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, t0.plusSeconds(120)) + ":session-000c")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(SessionCursor.decode(oldCursor)).contains(new SessionCursor(false, t0.plusSeconds(120),
                new SessionId("session-000c")));

        var found = (PageResult.Found<SessionView>) listing.list("alice", oldCursor, 10);

        assertThat(found.page().items()).extracting(s -> s.sessionId().value()).containsExactly("session-000b");
    }
}
