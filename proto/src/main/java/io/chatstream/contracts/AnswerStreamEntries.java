package io.chatstream.contracts;

import io.chatstream.proto.v1.AnswerStreamEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts {@link AnswerStreamEntry} to and from the field map of a Redis stream entry. */
public final class AnswerStreamEntries {

    private AnswerStreamEntries() {
    }

    /** The fields to XADD; fields at their default value are left out. */
    public static Map<String, String> toFields(AnswerStreamEntry e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("seq", Long.toString(e.getSeq()));
        f.put("kind", e.getKind());
        putIfSet(f, "text", e.getText());
        if (e.getAttempt() != 0) {
            f.put("attempt", Integer.toString(e.getAttempt()));
        }
        putIfSet(f, "finish_reason", e.getFinishReason());
        putIfSet(f, "status", e.getStatus());
        if (e.getInputTokens() != 0) {
            f.put("input_tokens", Integer.toString(e.getInputTokens()));
        }
        if (e.getOutputTokens() != 0) {
            f.put("output_tokens", Integer.toString(e.getOutputTokens()));
        }
        putIfSet(f, "error_code", e.getErrorCode());
        putIfSet(f, "error_message", e.getErrorMessage());
        if (e.getTs() != 0) {
            f.put("ts", Long.toString(e.getTs()));
        }
        return f;
    }

    /**
     * Reads a stream entry's fields.
     *
     * @throws UnreadableEventException when seq or kind is missing or a number does not parse
     */
    public static AnswerStreamEntry fromFields(Map<String, String> f) {
        String seq = f.get("seq");
        String kind = f.get("kind");
        if (seq == null || kind == null || kind.isEmpty()) {
            throw new UnreadableEventException("stream entry without seq or kind: " + f.keySet());
        }
        try {
            return AnswerStreamEntry.newBuilder()
                    .setSeq(Long.parseLong(seq))
                    .setKind(kind)
                    .setText(f.getOrDefault("text", ""))
                    .setAttempt(Integer.parseInt(f.getOrDefault("attempt", "0")))
                    .setFinishReason(f.getOrDefault("finish_reason", ""))
                    .setStatus(f.getOrDefault("status", ""))
                    .setInputTokens(Integer.parseInt(f.getOrDefault("input_tokens", "0")))
                    .setOutputTokens(Integer.parseInt(f.getOrDefault("output_tokens", "0")))
                    .setErrorCode(f.getOrDefault("error_code", ""))
                    .setErrorMessage(f.getOrDefault("error_message", ""))
                    .setTs(Long.parseLong(f.getOrDefault("ts", "0")))
                    .build();
        } catch (NumberFormatException e) {
            throw new UnreadableEventException("stream entry with a malformed number: " + e.getMessage(), e);
        }
    }

    private static void putIfSet(Map<String, String> f, String name, String value) {
        if (value != null && !value.isEmpty()) {
            f.put(name, value);
        }
    }
}
