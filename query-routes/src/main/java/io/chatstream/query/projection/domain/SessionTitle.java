package io.chatstream.query.projection.domain;

/** A session's title: its first prompt, cut at a word boundary so the list stays readable. */
public final class SessionTitle {

    public static final int MAX_LENGTH = 60;

    private SessionTitle() {
    }

    public static String of(String prompt) {
        String flat = prompt == null ? "" : prompt.strip().replaceAll("\\s+", " ");
        if (flat.codePointCount(0, flat.length()) <= MAX_LENGTH) {
            return flat;
        }
        String head = flat.substring(0, flat.offsetByCodePoints(0, MAX_LENGTH));
        int space = head.lastIndexOf(' ');
        // Languages without spaces (e.g. Chinese) have no word boundary: cut at the limit.
        String cut = space >= MAX_LENGTH / 2 ? head.substring(0, space) : head;
        return cut.stripTrailing() + "…";
    }
}
