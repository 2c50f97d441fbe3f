package io.chatstream.worker.deadletters.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.worker.deadletters.domain.DeadLetter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The replay decisions with in-memory ports; the answering itself is covered by DlqReplayIT. */
class ReplayingDeadLettersTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final Letters letters = new Letters();
    private final Claims claims = new Claims();
    private final List<AuditLog.Entry> audit = new ArrayList<>();
    private final List<Runnable> queued = new ArrayList<>();
    private boolean queueFull;
    private final ReplayingDeadLetters replaying = new ReplayingDeadLetters(letters, claims, payload -> Optional.empty(),
            null, job -> !queueFull && queued.add(job), audit::add,
            new ReplayingDeadLetters.Limits(2, Duration.ofHours(24)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    @DisplayName("replaying one request claims it, audits the attempt with the operator, and queues it")
    void one() {
        letters.record(letter("r-1", "InternalError", Duration.ofMinutes(5)));

        ReplayReport report = replaying.replay(order(new ReplayOrder.Selection.One("r-1"), false));

        assertThat(report.results()).extracting(ReplayReport.Line::result).containsExactly("accepted");
        assertThat(queued).hasSize(1);
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("dlq.replay");
            assertThat(e.actor()).isEqualTo("olga");
            assertThat(e.target()).isEqualTo("r-1");
            assertThat(e.result()).isEqualTo("accepted");
            assertThat(e.occurredAt()).isEqualTo(NOW);
        });
    }

    @Test
    @DisplayName("a second replay of a claimed request is not queued again")
    void twice() {
        letters.record(letter("r-1", "InternalError", Duration.ofMinutes(5)));
        replaying.replay(order(new ReplayOrder.Selection.One("r-1"), false));

        ReplayReport again = replaying.replay(order(new ReplayOrder.Selection.One("r-1"), true));

        assertThat(again.results()).extracting(ReplayReport.Line::result).containsExactly("in_progress");
        assertThat(queued).hasSize(1);
    }

    @Test
    @DisplayName("an unknown request and a refused one are audited but nothing is claimed")
    void refusals() {
        letters.record(letter("r-bad", "InvalidParameter", Duration.ofMinutes(5)));

        replaying.replay(order(new ReplayOrder.Selection.One("r-none"), false));
        replaying.replay(order(new ReplayOrder.Selection.One("r-bad"), false));

        assertThat(audit).extracting(AuditLog.Entry::result).containsExactly("not_found", "refused_not_retryable");
        assertThat(claims.state).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    @DisplayName("a filter tries at most max-per-call entries, skips what would be refused, and says what remains")
    void bounded() {
        for (int i = 0; i < 5; i++) {
            letters.record(letter("r-" + i, "InternalError", Duration.ofMinutes(5)));
        }
        letters.record(letter("r-old", "InternalError", Duration.ofHours(30)));
        letters.record(letter("r-other", "TIMEOUT", Duration.ofMinutes(5)));

        ReplayReport first = replaying.replay(order(new ReplayOrder.Selection.Matching(
                new DeadLetterFilter("InternalError", null, null)), false));
        ReplayReport second = replaying.replay(order(new ReplayOrder.Selection.Matching(
                new DeadLetterFilter("InternalError", null, null)), false));

        assertThat(first.results()).extracting(ReplayReport.Line::requestId).containsExactly("r-0", "r-1");
        assertThat(first.matched()).isEqualTo(6);
        assertThat(first.remaining()).isEqualTo(3);
        assertThat(first.skipped()).containsEntry("refused_too_old", 1);
        assertThat(second.results()).extracting(ReplayReport.Line::requestId).containsExactly("r-2", "r-3");
        assertThat(second.skipped()).containsEntry("in_progress", 2);
        assertThat(audit).filteredOn(e -> e.action().equals("dlq.replay.batch")).hasSize(2);
    }

    @Test
    @DisplayName("when the queue is full the claim is given back and the entry reported busy")
    void busy() {
        letters.record(letter("r-1", "InternalError", Duration.ofMinutes(5)));
        queueFull = true;

        ReplayReport report = replaying.replay(order(new ReplayOrder.Selection.One("r-1"), false));

        assertThat(report.results()).extracting(ReplayReport.Line::result).containsExactly("refused_busy");
        assertThat(claims.state).doesNotContainKey("r-1");
    }

    private static ReplayOrder order(ReplayOrder.Selection selection, boolean force) {
        return new ReplayOrder(selection, force, 0, "olga", "test");
    }

    private static DeadLetter letter(String id, String code, Duration age) {
        return new DeadLetter(id, "s", "u", code, "m", 3, NOW.minus(age), "t", 0, 0, true, "{}");
    }

    private static final class Letters implements DeadLetters {

        private final Map<String, DeadLetter> byId = new LinkedHashMap<>();

        @Override
        public void record(DeadLetter deadLetter) {
            byId.put(deadLetter.requestId(), deadLetter);
        }

        @Override
        public Optional<DeadLetter> find(String requestId) {
            return Optional.ofNullable(byId.get(requestId));
        }

        @Override
        public List<DeadLetter> all() {
            return new ArrayList<>(byId.values());
        }

        @Override
        public long evicted() {
            return 0;
        }
    }

    private static final class Claims implements ReplayClaims {

        final Map<String, String> state = new HashMap<>();

        @Override
        public Claim claim(String requestId) {
            String s = state.get(requestId);
            if ("running".equals(s)) {
                return Claim.IN_PROGRESS;
            }
            if ("completed".equals(s)) {
                return Claim.ALREADY_REPLAYED;
            }
            state.put(requestId, "running");
            return Claim.CLAIMED;
        }

        @Override
        public void finish(String requestId, String status) {
            state.put(requestId, status);
        }

        @Override
        public void release(String requestId) {
            state.remove(requestId);
        }

        @Override
        public String status(String requestId) {
            return state.getOrDefault(requestId, "none");
        }
    }
}
