package io.chatstream.query;

import static io.chatstream.query.QueryItMessages.assertInvalid;
import static io.chatstream.query.QueryItMessages.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.proto.v1.SearchHit;
import io.chatstream.proto.v1.SearchMessagesRequest;
import io.chatstream.proto.v1.SearchMessagesResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SearchMessages over gRPC against the real read model (MariaDB, projected from Kafka): substring semantics for
 * English and Chinese, wildcards taken literally, per-user isolation, deleted sessions, title hits, paging.
 */
class SearchMessagesIT extends QueryServiceItBase {

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);

    private static String newUser() {
        return "searcher-" + System.nanoTime();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private SearchMessagesResponse search(String user, String query, String cursor, int pageSize) {
        return stub().searchMessages(SearchMessagesRequest.newBuilder().setUserId(user).setQuery(query)
                .setPage(cursor).setPageSize(pageSize).build());
    }

    private List<SearchHit> hits(String user, String query) {
        return search(user, query, "", 100).getHitsList();
    }

    private void awaitHits(String user, String query, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> hits(user, query).size() == count);
    }

    private static String key(SearchHit h) {
        return h.getRequestId() + "/" + h.getRole();
    }

    @Test
    @DisplayName("English text is found case-insensitively in prompts and completed or stopped answers, newest first")
    void englishIgnoringCase() {
        String user = newUser();
        Ids first = submitAs(user, id(), id(), "Plan a TRIP to Rome", 1, t0);
        Ids second = submitAs(user, id(), first.session(), "what about the weather?", 2, t0.plusSeconds(10));
        Ids third = submitAs(user, id(), first.session(), "and the food?", 3, t0.plusSeconds(20));
        completeAs(user, first, 1, "completed", "Rome is lovely in spring.", t0.plusSeconds(2));
        completeAs(user, second, 2, "failed", "rome partial", t0.plusSeconds(12));
        completeAs(user, third, 3, "stopped", "Roman food, in ROME, is", t0.plusSeconds(22));
        awaitAssistantStatus(first.request(), "completed");
        awaitAssistantStatus(second.request(), "failed");
        awaitAssistantStatus(third.request(), "stopped");

        List<SearchHit> hits = hits(user, "rOmE");

        assertThat(hits).extracting(SearchMessagesIT::key).containsExactly(
                third.request() + "/assistant", first.request() + "/assistant", first.request() + "/user");
        SearchHit prompt = hits.get(2);
        assertThat(prompt.getSessionId()).isEqualTo(first.session());
        assertThat(prompt.getSessionTitle()).isEqualTo("Plan a TRIP to Rome");
        assertThat(prompt.getTurn()).isEqualTo(1);
        assertThat(prompt.getSnippet()).isEqualTo("Plan a TRIP to Rome");
        assertThat(prompt.getCreatedAt()).isEqualTo(ts(t0));
        assertThat(hits.get(0).getSnippet()).isEqualTo("Roman food, in ROME, is");
        assertThat(hits(user, "weather")).extracting(SearchMessagesIT::key).containsExactly(second.request() + "/user");
        assertThat(hits(user, "partial")).as("a failed answer is not searched").isEmpty();
    }

    @Test
    @DisplayName("Chinese is found as a plain substring: 天气 in 今天天气很好, 天空 nowhere")
    void chinese() {
        String user = newUser();
        Ids ids = submitAs(user, id(), id(), "今天天气很好", 1, t0);
        completeAs(user, ids, 1, "completed", "是的，" + "阳光明媚。".repeat(60) + "适合出门。", t0.plusSeconds(1));
        awaitAssistantStatus(ids.request(), "completed");

        assertThat(hits(user, "天气")).extracting(SearchMessagesIT::key).containsExactly(ids.request() + "/user");
        assertThat(hits(user, "天空")).isEmpty();
        List<SearchHit> inAnswer = hits(user, "出门");
        assertThat(inAnswer).singleElement().satisfies(h -> {
            assertThat(h.getRole()).isEqualTo("assistant");
            assertThat(h.getSnippet()).startsWith("…").endsWith("适合出门。").contains("出门");
            assertThat(h.getSnippet().codePointCount(0, h.getSnippet().length())).isLessThanOrEqualTo(120);
        });
    }

    @Test
    @DisplayName("%, _, ! and \\ in the query are plain characters")
    void wildcardsLiterally() {
        String user = newUser();
        Ids percent = submitAs(user, id(), id(), "get 50% off", 1, t0);
        Ids digits = submitAs(user, id(), id(), "get 500 off", 1, t0.plusSeconds(1));
        Ids underscore = submitAs(user, id(), id(), "snake_case name", 1, t0.plusSeconds(2));
        Ids letter = submitAs(user, id(), id(), "snakeXcase name", 1, t0.plusSeconds(3));
        Ids bang = submitAs(user, id(), id(), "wow! really", 1, t0.plusSeconds(4));
        Ids path = submitAs(user, id(), id(), "open C:\\temp\\x", 1, t0.plusSeconds(5));
        awaitHits(user, "get", 2);
        awaitHits(user, "name", 2);
        awaitHits(user, "open", 1);
        awaitHits(user, "wow", 1);

        assertThat(hits(user, "50%")).extracting(SearchHit::getRequestId).containsExactly(percent.request());
        assertThat(hits(user, "%")).extracting(SearchHit::getRequestId).containsExactly(percent.request());
        assertThat(hits(user, "e_c")).extracting(SearchHit::getRequestId).containsExactly(underscore.request());
        assertThat(hits(user, "_")).extracting(SearchHit::getRequestId).containsExactly(underscore.request());
        assertThat(hits(user, "wow!")).extracting(SearchHit::getRequestId).containsExactly(bang.request());
        assertThat(hits(user, "!!")).isEmpty();
        assertThat(hits(user, "\\temp")).extracting(SearchHit::getRequestId).containsExactly(path.request());
        assertThat(hits(user, "500")).extracting(SearchHit::getRequestId).containsExactly(digits.request());
        assertThat(hits(user, "snakexcase")).extracting(SearchHit::getRequestId).containsExactly(letter.request());
    }

    @Test
    @DisplayName("another user's identical text never appears, whichever user searches")
    void otherUsersNever() {
        String alice = newUser();
        String mallory = newUser();
        Ids own = submitAs(alice, id(), id(), "the secret launch code", 1, t0);
        Ids foreign = submitAs(mallory, id(), id(), "the secret launch code", 1, t0.plusSeconds(1));
        completeAs(mallory, foreign, 1, "completed", "the secret launch code is 42", t0.plusSeconds(2));
        awaitAssistantStatus(foreign.request(), "completed");
        awaitHits(alice, "secret launch", 1);

        assertThat(hits(alice, "SECRET LAUNCH")).extracting(SearchMessagesIT::key).containsExactly(own.request() + "/user");
        assertThat(hits(mallory, "secret launch")).extracting(SearchHit::getRequestId)
                .containsOnly(foreign.request()).hasSize(2);
    }

    @Test
    @DisplayName("deleted sessions are not searched; a matching title gives the session's first prompt once")
    void deletedSessionsAndTitles() {
        String user = newUser();
        Ids gone = submitAs(user, id(), id(), "zebra crossing", 1, t0);
        Ids kept = submitAs(user, id(), id(), "zebra stripes", 1, t0.plusSeconds(1));
        Ids later = submitAs(user, id(), kept.session(), "and lions?", 2, t0.plusSeconds(2));
        awaitHits(user, "zebra", 2);
        changeSession(gone.session(), user, t0.plusSeconds(3), true, null);
        changeSession(kept.session(), user, t0.plusSeconds(4), false, "Safari notes");
        awaitHits(user, "zebra", 1);
        awaitHits(user, "safari", 1);

        assertThat(hits(user, "zebra")).extracting(SearchHit::getSessionId).containsExactly(kept.session());
        assertThat(hits(user, "crossing")).isEmpty();
        assertThat(hits(user, "SAFARI")).singleElement().satisfies(h -> {
            assertThat(h.getRequestId()).isEqualTo(kept.request());
            assertThat(h.getRole()).isEqualTo("user");
            assertThat(h.getSessionTitle()).isEqualTo("Safari notes");
            assertThat(h.getSnippet()).isEqualTo("zebra stripes");
        });
        assertThat(hits(user, "notes")).extracting(SearchHit::getRequestId).containsExactly(kept.request())
                .doesNotContain(later.request());
    }

    @Test
    @DisplayName("pages of hits follow each other newest first without repeats or gaps, ties included")
    void pagination() {
        String user = newUser();
        List<String> expected = new ArrayList<>();
        String session = id();
        for (int i = 0; i < 7; i++) {
            if (i % 3 == 0) {
                session = id();
            }
            // Pairs of prompts share their time, so the order also rests on the request id.
            Ids ids = submitAs(user, id(), session, "needle number " + i, i + 1, t0.plusSeconds(i / 2));
            expected.add(ids.request());
        }
        awaitHits(user, "needle", 7);
        List<String> newestFirst = hits(user, "needle").stream().map(SearchHit::getRequestId).toList();

        List<String> paged = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            SearchMessagesResponse page = search(user, "NEEDLE", cursor, 3);
            assertThat(page.getHitsCount()).isBetween(1, 3);
            page.getHitsList().forEach(h -> paged.add(h.getRequestId()));
            cursor = page.getNextCursor();
            pages++;
        } while (!cursor.isEmpty());

        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(newestFirst).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        List<Instant> times = hits(user, "needle").stream()
                .map(h -> Instant.ofEpochSecond(h.getCreatedAt().getSeconds(), h.getCreatedAt().getNanos())).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    @DisplayName("a blank or too long query is INVALID_ARGUMENT INVALID_QUERY; bad page sizes and cursors too")
    void refusals() {
        assertInvalid(() -> search(USER, "", "", 0), ErrorCodes.INVALID_QUERY);
        assertInvalid(() -> search(USER, " \t\n ", "", 0), ErrorCodes.INVALID_QUERY);
        assertInvalid(() -> search(USER, "x".repeat(101), "", 0), ErrorCodes.INVALID_QUERY);
        assertInvalid(() -> search(USER, "x", "", 101), ErrorCodes.INVALID_PAGE_SIZE);
        assertInvalid(() -> search(USER, "x", "%%%", 10), ErrorCodes.INVALID_CURSOR);
        assertInvalid(() -> search("bad user", "x", "", 10), ErrorCodes.INVALID_USER_ID);
        assertThat(search(USER, "x".repeat(100), "", 0).getHitsList()).isEmpty();
    }
}
