package io.chatstream.worker.it;

import io.chatstream.contracts.AnswerStreamEntries;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.proto.v1.AnswerStreamEntry;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Reads an answer stream the way the query service does. */
final class AnswerStreamReader {

    private AnswerStreamReader() {
    }

    static List<AnswerStreamEntry> entries(StringRedisTemplate redis, String requestId) {
        return timedEntries(redis, requestId).stream().map(Timed::entry).toList();
    }

    /** The entries with the Redis server time of their XADD (the millisecond part of the stream id). */
    static List<Timed> timedEntries(StringRedisTemplate redis, String requestId) {
        return redis.opsForStream().range(RedisKeys.answerStream(requestId), Range.unbounded()).stream()
                .map(r -> new Timed(r.getId().getTimestamp(), AnswerStreamEntries.fromFields(r.getValue().entrySet()
                        .stream().collect(Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString())))))
                .toList();
    }

    /** One entry and when Redis appended it (epoch ms, this machine's clock). */
    record Timed(long appendedAt, AnswerStreamEntry entry) {
    }

    static String tokens(List<AnswerStreamEntry> entries) {
        StringBuilder text = new StringBuilder();
        for (AnswerStreamEntry e : entries) {
            if (e.getKind().equals("reset")) {
                text.setLength(0);
            } else if (e.getKind().equals("token")) {
                text.append(e.getText());
            }
        }
        return text.toString();
    }
}
