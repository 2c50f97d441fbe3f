package io.chatstream.query.streaming.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.AnswerStreamEntries;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.domain.RequestId;
import io.chatstream.localinfra.RedisServer;
import io.chatstream.proto.v1.AnswerStreamEntry;
import io.chatstream.query.streaming.domain.StreamChunk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The shared reader against a real Redis: readers joining while its XREAD blocks, and cancellation. */
class RedisAnswerStreamsIT {

    private static RedisServer redisServer;
    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;
    private static RedisAnswerStreams streams;

    @BeforeAll
    static void start() throws Exception {
        redisServer = RedisServer.start(0, Path.of("target/it-redis-streams-" + System.nanoTime()));
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisServer.port()));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        streams = new RedisAnswerStreams(redis, factory, new StreamSettings(Duration.ofSeconds(10),
                Duration.ofSeconds(120), Duration.ofMillis(50), 500, Duration.ofMillis(250),
                Duration.ofSeconds(15), Duration.ofMillis(100)));
        streams.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (streams != null) {
            streams.stop();
        }
        if (factory != null) {
            factory.destroy();
        }
        if (redisServer != null) {
            redisServer.close();
        }
    }

    @Test
    @DisplayName("readers joining one stream while it is written each get every entry once and in order")
    void readersJoiningWhileWritten() throws Exception {
        RequestId request = RequestId.generate();
        int entries = 120;
        List<RecordingChunkSink> readers = new ArrayList<>();
        for (int seq = 1; seq <= entries; seq++) {
            if (seq % 4 == 1) {
                RecordingChunkSink sink = new RecordingChunkSink();
                readers.add(sink);
                streams.follow(request, 0, sink);
            }
            xadd(request, AnswerStreamEntry.newBuilder().setKind(StreamChunk.TOKEN).setSeq(seq).setText("t" + seq)
                    .setAttempt(1).build());
            if (seq % 10 == 0) {
                // Let the reader's XREAD catch up and block, so later joiners arrive during a blocking read.
                Thread.sleep(20);
            }
        }
        xadd(request, AnswerStreamEntry.newBuilder().setKind(StreamChunk.DONE).setSeq(entries + 1)
                .setStatus("completed").setFinishReason("stop").setAttempt(1).build());

        List<Long> all = LongStream.rangeClosed(1, entries + 1).boxed().toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> readers.stream().allMatch(r -> r.seqs().size() >= all.size()));
        assertThat(readers).hasSize(entries / 4).allSatisfy(r -> assertThat(r.seqs()).containsExactlyElementsOf(all));
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.activeCount() == 0);
    }

    @Test
    @DisplayName("a cancelled reader is removed without waiting for the stream to end, the others carry on")
    void cancelledReaderRemoved() {
        RequestId request = RequestId.generate();
        RecordingChunkSink leaving = new RecordingChunkSink();
        RecordingChunkSink staying = new RecordingChunkSink();
        streams.follow(request, 0, leaving);
        streams.follow(request, 0, staying);
        xadd(request, AnswerStreamEntry.newBuilder().setKind(StreamChunk.TOKEN).setSeq(1).setText("a").setAttempt(1)
                .build());
        await().atMost(Duration.ofSeconds(10)).until(() -> leaving.seqs().size() == 1 && staying.seqs().size() == 1);
        int before = streams.activeCount();

        leaving.cancel();

        assertThat(streams.activeCount()).isEqualTo(before - 1);
        xadd(request, AnswerStreamEntry.newBuilder().setKind(StreamChunk.DONE).setSeq(2).setStatus("completed")
                .setFinishReason("stop").setAttempt(1).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> staying.seqs().size() == 2);
        assertThat(leaving.seqs()).containsExactly(1L);
    }

    private static void xadd(RequestId request, AnswerStreamEntry entry) {
        redis.opsForStream().add(RedisKeys.answerStream(request.value()), AnswerStreamEntries.toFields(entry));
    }
}
