package io.chatstream.query.history.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    @DisplayName("a message cursor survives its round trip")
    void messageRoundTrip() {
        MessageCursor c = new MessageCursor(7, MessageCursor.Role.ASSISTANT);
        assertThat(MessageCursor.decode(c.encode())).contains(c);
    }

    @Test
    @DisplayName("a session cursor keeps microsecond precision and the id")
    void sessionRoundTrip() {
        SessionCursor c = new SessionCursor(Instant.parse("2026-11-25T10:00:00.123456Z"), new SessionId("session-0001"));
        assertThat(SessionCursor.decode(c.encode())).contains(c);
        SessionCursor pinned = new SessionCursor(true, Instant.parse("2026-11-25T10:00:00.123456Z"),
                new SessionId("session-0001"));
        assertThat(SessionCursor.decode(pinned.encode())).contains(pinned);
    }

    @Test
    @DisplayName("a hit cursor keeps microsecond precision, the request id and the role")
    void hitRoundTrip() {
        HitCursor c = new HitCursor(Instant.parse("2026-11-25T10:00:00.123456Z"), new RequestId("request-0001"),
                MessageCursor.Role.ASSISTANT);
        assertThat(HitCursor.decode(c.encode())).contains(c);
    }

    @Test
    @DisplayName("malformed cursors are refused, never thrown")
    void malformed() {
        assertThat(MessageCursor.decode("%%%")).isEmpty();
        assertThat(MessageCursor.decode(Cursors.encode("7"))).isEmpty();
        assertThat(MessageCursor.decode(Cursors.encode("x:user"))).isEmpty();
        assertThat(MessageCursor.decode(Cursors.encode("3:system"))).isEmpty();
        assertThat(MessageCursor.decode("")).isEmpty();
        assertThat(SessionCursor.decode(Cursors.encode("12:bad id"))).isEmpty();
        assertThat(SessionCursor.decode(Cursors.encode("abc:session-0001"))).isEmpty();
        assertThat(SessionCursor.decode(Cursors.encode(Long.MAX_VALUE + ":session-0001")))
                .as("past what the read model can hold: a 400, not a database error").isEmpty();
        assertThat(SessionCursor.decode(Cursors.encode("-99999999999999999:session-0001"))).isEmpty();
        assertThat(SessionCursor.decode(Cursors.encode("2:12:session-0001"))).as("pin flag 0 or 1").isEmpty();
        assertThat(SessionCursor.decode(Cursors.encode("1:12:session-0001:x"))).isEmpty();
        assertThat(SessionCursor.decode(Cursors.encode("1::session-0001"))).isEmpty();
        assertThat(HitCursor.decode(Cursors.encode("12:request-0001"))).isEmpty();
        assertThat(HitCursor.decode(Cursors.encode("12:bad id:user"))).isEmpty();
        assertThat(HitCursor.decode(Cursors.encode("12:request-0001:system"))).isEmpty();
        assertThat(HitCursor.decode(Cursors.encode("x:request-0001:user"))).isEmpty();
        assertThat(HitCursor.decode(Cursors.encode(Long.MAX_VALUE + ":request-0001:user"))).isEmpty();
        assertThat(HitCursor.decode(new SessionCursor(Instant.EPOCH, new SessionId("session-0001")).encode())).isEmpty();
    }

    @Test
    @DisplayName("page sizes: 0 is the default, 1..100 allowed, the rest refused")
    void pageSizes() {
        assertThat(PageSize.parse(0)).contains(new PageSize(50));
        assertThat(PageSize.parse(1)).contains(new PageSize(1));
        assertThat(PageSize.parse(100)).contains(new PageSize(100));
        assertThat(PageSize.parse(101)).isEmpty();
        assertThat(PageSize.parse(-1)).isEmpty();
    }
}
