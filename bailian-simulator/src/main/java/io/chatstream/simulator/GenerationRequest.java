package io.chatstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The parts of a DashScope generation request the simulator looks at.
 *
 * @param model         requested model name
 * @param messages      the conversation, text only
 * @param messagesJson  {@code input.messages} as compact JSON: the conversation key of {@code [sim:fail-first]}
 * @param maxTokens     {@code parameters.max_tokens}, or {@code null}
 * @param enableThinking {@code parameters.enable_thinking}, or {@code null} when absent or not a boolean
 * @param thinkingBudget {@code parameters.thinking_budget}, or {@code null} when absent or not a positive number
 */
record GenerationRequest(String model, List<Message> messages, String messagesJson, Integer maxTokens,
                         Boolean enableThinking, Integer thinkingBudget) {

    private static final int MESSAGE_FRAMING_TOKENS = 4;

    /** One message; {@code text} is a string content, or the text parts of an array content joined with newlines. */
    record Message(String role, String text) {
    }

    /** Validates the request body; throws {@link IllegalArgumentException} with a client-facing message. */
    static GenerationRequest from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("The request body must be a JSON object.");
        }
        JsonNode model = body.path("model");
        if (!model.isTextual() || model.asText().isBlank()) {
            throw new IllegalArgumentException("Model not specified.");
        }
        JsonNode messages = body.path("input").path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("Field required: input.messages");
        }
        List<Message> parsed = new ArrayList<>(messages.size());
        for (JsonNode message : messages) {
            JsonNode role = message.path("role");
            if (!role.isTextual() || role.asText().isBlank()) {
                throw new IllegalArgumentException("Every message needs a role.");
            }
            parsed.add(new Message(role.asText(), textOf(message.path("content"))));
        }
        JsonNode maxTokens = body.path("parameters").path("max_tokens");
        JsonNode enableThinking = body.path("parameters").path("enable_thinking");
        JsonNode thinkingBudget = body.path("parameters").path("thinking_budget");
        return new GenerationRequest(model.asText(), List.copyOf(parsed), messages.toString(),
                maxTokens.canConvertToInt() && maxTokens.asInt() > 0 ? maxTokens.asInt() : null,
                enableThinking.isBoolean() ? enableThinking.asBoolean() : null,
                thinkingBudget.canConvertToInt() && thinkingBudget.asInt() > 0 ? thinkingBudget.asInt() : null);
    }

    /** The text of the last user message, or an empty string when there is none. */
    String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).text();
            }
        }
        return "";
    }

    long countRole(String role) {
        return messages.stream().filter(m -> role.equals(m.role())).count();
    }

    /**
     * The prompt's size in tokens: each message's text by {@link TokenEstimate} (one token per CJK
     * character, one per four other characters) plus four tokens of per-message framing, so longer
     * conversations cost visibly more.
     */
    int inputTokens() {
        int tokens = 0;
        for (Message message : messages) {
            tokens += MESSAGE_FRAMING_TOKENS + TokenEstimate.of(message.text());
        }
        return tokens;
    }

    /** SHA-256 of {@link #messagesJson()}: identical conversations share a key. */
    String conversationKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messagesJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    parts.add(part.path("text").asText());
                }
            }
            return String.join("\n", parts);
        }
        return "";
    }
}
