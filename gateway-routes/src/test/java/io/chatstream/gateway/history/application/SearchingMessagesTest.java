package io.chatstream.gateway.history.application;

import static io.chatstream.gateway.api.application.OutcomeAssertions.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.RecordingQueries;
import io.chatstream.gateway.backend.application.SearchTerms;
import io.chatstream.gateway.identity.application.Caller;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SearchingMessagesTest {

    private final RecordingQueries queries = new RecordingQueries();
    private final Caller alice = new Caller(new UserId("alice"), TraceId.generate());
    private final SearchingMessages searching = new SearchingMessages(queries, 5);

    @Test
    @DisplayName("a missing, blank or too long query never reaches the service; the limit counts characters")
    void checksQueries() {
        assertThat(code(searching.search(alice, null, null, null))).isEqualTo(GatewayCodes.INVALID_QUERY);
        assertThat(code(searching.search(alice, "", null, null))).isEqualTo(GatewayCodes.INVALID_QUERY);
        assertThat(code(searching.search(alice, " \t\u3000", null, null))).isEqualTo(GatewayCodes.INVALID_QUERY);
        assertThat(code(searching.search(alice, "abcdef", null, null))).isEqualTo(GatewayCodes.INVALID_QUERY);
        assertThat(queries.searches).isEmpty();

        assertThat(searching.search(alice, "😀😀😀😀😀", null, null)).isInstanceOf(Outcome.Done.class);
        assertThat(searching.search(alice, "  天气  ", null, null)).isInstanceOf(Outcome.Done.class);
        assertThat(queries.searches).containsExactly(new SearchTerms("😀😀😀😀😀"), new SearchTerms("天气"));
    }

    @Test
    @DisplayName("page sizes outside 1..100 and unprintable cursors are refused as for the session list")
    void checksPages() {
        assertThat(code(searching.search(alice, "rome", null, 0))).isEqualTo(GatewayCodes.INVALID_PAGE_SIZE);
        assertThat(code(searching.search(alice, "rome", null, 101))).isEqualTo(GatewayCodes.INVALID_PAGE_SIZE);
        assertThat(code(searching.search(alice, "rome", "a b", null))).isEqualTo(GatewayCodes.INVALID_CURSOR);
        assertThat(queries.searches).isEmpty();
    }
}
