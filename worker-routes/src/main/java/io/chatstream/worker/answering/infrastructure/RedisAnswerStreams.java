package io.chatstream.worker.answering.infrastructure;

import io.chatstream.contracts.AnswerStatus;
import io.chatstream.contracts.AnswerStreamEntries;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.contracts.StreamEntryKind;
import io.chatstream.domain.RequestId;
import io.chatstream.proto.v1.AnswerStreamEntry;
import io.chatstream.worker.answering.application.AnswerStreams;
import io.chatstream.worker.answering.domain.StreamEntry;
import io.chatstream.worker.answering.domain.TokenChunk;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The answer stream as a Redis stream {@code stream:chat:{request_id}} (schema: answer_stream.proto). */
public final class RedisAnswerStreams implements AnswerStreams {

    private final StringRedisTemplate redis;
    private final Duration ttlAfterEnd;

    public RedisAnswerStreams(StringRedisTemplate redis, Duration ttlAfterEnd) {
        this.redis = redis;
        this.ttlAfterEnd = ttlAfterEnd;
    }

    @Override
    public long lastSeq(RequestId requestId) {
        List<MapRecord<String, Object, Object>> last = redis.opsForStream()
                .reverseRange(RedisKeys.answerStream(requestId.value()), Range.unbounded(),
                        Limit.limit().count(1));
        if (last == null || last.isEmpty()) {
            return 0;
        }
        Object seq = last.get(0).getValue().get("seq");
        return seq == null ? 0 : Long.parseLong(seq.toString());
    }

    @Override
    public void append(RequestId requestId, StreamEntry entry, Instant at) {
        Map<String, String> fields = AnswerStreamEntries.toFields(toProto(entry, at.toEpochMilli()));
        redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(RedisKeys.answerStream(requestId.value())));
    }

    @Override
    public void withdrawText(RequestId requestId, int keptEntries) {
        redis.opsForStream().trim(RedisKeys.answerStream(requestId.value()), keptEntries);
    }

    @Override
    public void expireAfterEnd(RequestId requestId) {
        redis.expire(RedisKeys.answerStream(requestId.value()), ttlAfterEnd);
    }

    static AnswerStreamEntry toProto(StreamEntry entry, long ts) {
        AnswerStreamEntry.Builder b = AnswerStreamEntry.newBuilder()
                .setSeq(entry.seq()).setAttempt(entry.attempt()).setTs(ts);
        if (entry instanceof TokenChunk t) {
            b.setKind(StreamEntryKind.TOKEN).setText(t.text());
        } else if (entry instanceof StreamEntry.Thinking t) {
            b.setKind(StreamEntryKind.THINKING).setText(t.text());
        } else if (entry instanceof StreamEntry.Reset) {
            b.setKind(StreamEntryKind.RESET);
        } else if (entry instanceof StreamEntry.Done d) {
            b.setKind(StreamEntryKind.DONE).setStatus(d.status().wireName()).setFinishReason(d.finishReason())
                    .setInputTokens(d.usage().inputTokens()).setOutputTokens(d.usage().outputTokens());
        } else if (entry instanceof StreamEntry.Error e) {
            b.setKind(StreamEntryKind.ERROR).setStatus(AnswerStatus.FAILED)
                    .setErrorCode(e.code()).setErrorMessage(e.message());
        }
        return b.build();
    }
}
