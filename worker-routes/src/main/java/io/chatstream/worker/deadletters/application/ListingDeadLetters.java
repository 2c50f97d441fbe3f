package io.chatstream.worker.deadletters.application;

import io.chatstream.worker.deadletters.domain.DeadLetter;
import io.chatstream.worker.deadletters.domain.ReplayEligibility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Use case: show operators the dead letters, newest first. */
public final class ListingDeadLetters {

    private final DeadLetters letters;
    private final ReplayClaims claims;
    private final Duration maxAge;
    private final Clock clock;

    public ListingDeadLetters(DeadLetters letters, ReplayClaims claims, Duration maxAge, Clock clock) {
        this.letters = letters;
        this.claims = claims;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Listing list(DeadLetterFilter filter, int limit) {
        Instant now = clock.instant();
        List<DeadLetter> matching = new ArrayList<>(letters.all().stream().filter(l -> filter.matches(l, now)).toList());
        Collections.reverse(matching);
        List<Listed> shown = matching.stream().limit(Math.max(0, limit)).map(l -> listed(l, now)).toList();
        return new Listing(shown, matching.size(), letters.evicted());
    }

    public Optional<Listed> find(String requestId) {
        return letters.find(requestId).map(l -> listed(l, clock.instant()));
    }

    private Listed listed(DeadLetter letter, Instant now) {
        return new Listed(letter, letter.age(now), letter.retryable(),
                letter.eligibility(now, maxAge, false) instanceof ReplayEligibility.Eligible,
                letter.readable() ? claims.status(letter.requestId()) : "none");
    }

    /** One dead letter as operators see it; {@code replayable} = may be replayed without force now. */
    public record Listed(DeadLetter letter, Duration age, boolean retryable, boolean replayable, String replay) {
    }

    /** {@code matched} counts every match, {@code entries} only the first {@code limit}. */
    public record Listing(List<Listed> entries, int matched, long evicted) {
    }
}
