package io.chatstream.gateway.history.application;

import static io.chatstream.gateway.api.application.OutcomeAssertions.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.RecordingQueries;
import io.chatstream.gateway.identity.application.Caller;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListingSessionsTest {

    private final RecordingQueries queries = new RecordingQueries();
    private final Caller alice = new Caller(new UserId("alice"), TraceId.generate());

    @Test
    @DisplayName("page sizes outside 1..100 and unprintable cursors never reach the service")
    void checksPages() {
        ListingSessions listing = new ListingSessions(queries);
        assertThat(code(listing.list(alice, null, 0))).isEqualTo(GatewayCodes.INVALID_PAGE_SIZE);
        assertThat(code(listing.list(alice, null, 101))).isEqualTo(GatewayCodes.INVALID_PAGE_SIZE);
        assertThat(code(listing.list(alice, "a b", null))).isEqualTo(GatewayCodes.INVALID_CURSOR);
        assertThat(listing.list(alice, null, null)).isInstanceOf(Outcome.Done.class);
        assertThat(listing.list(alice, "c2", 100)).isInstanceOf(Outcome.Done.class);
    }
}
