package io.chatstream.gateway.backend.application;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;

/** Which page to read: an opaque cursor (empty = first page) and a size (0 = the service default). */
public record PageRequest(String cursor, int pageSize) {

    /** The services accept 1..100; the gateway checks early so a bad value never costs a call. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Cursors are opaque but bounded and printable, so they are safe to forward and log. */
    public static final int MAX_CURSOR_LENGTH = 512;

    public static Outcome<PageRequest> of(String cursor, Integer pageSize) {
        String c = cursor == null ? "" : cursor;
        if (c.length() > MAX_CURSOR_LENGTH || !c.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            return Outcome.rejected(GatewayCodes.INVALID_CURSOR, "cursor is malformed");
        }
        int size = pageSize == null ? 0 : pageSize;
        if (pageSize != null && (size < 1 || size > MAX_PAGE_SIZE)) {
            return Outcome.rejected(GatewayCodes.INVALID_PAGE_SIZE, "page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return Outcome.done(new PageRequest(c, size));
    }
}
