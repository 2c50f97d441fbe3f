package io.chatstream.localinfra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The Kafka topics of the contract (proto/chat/v1/events.proto) with their local partition counts. */
public final class ChatTopics {

    private ChatTopics() {
    }

    /** Topics whose last record per key is what matters: compacted (cleanup.policy=compact). */
    public static final Set<String> COMPACTED = Set.of("chat.model.catalog");

    public static Map<String, Integer> defaults() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        topics.put("chat.prompt.submitted", 6);
        topics.put("chat.prompt.cancelled", 1);
        topics.put("chat.answer.completed", 6);
        topics.put("chat.answer.dlq", 1);
        topics.put("chat.audit.log", 1);
        topics.put("chat.session.changed", 6);
        topics.put("chat.model.catalog", 1);
        topics.put("chat.session.titles", 6);
        return topics;
    }
}
