package io.chatstream.query.streaming.infrastructure;

import io.chatstream.contracts.AnswerStreamEntries;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.domain.RequestId;
import io.chatstream.proto.v1.AnswerStreamEntry;
import io.chatstream.query.streaming.application.AnswerStreams;
import io.chatstream.query.streaming.application.ChunkSink;
import io.chatstream.query.streaming.domain.StreamChunk;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * All live answer streams read by ONE thread: {@code XREAD BLOCK <short> COUNT n STREAMS k1 k2 … id1 id2 …} on a
 * dedicated connection, each entry dispatched to the subscriptions of its key. Subscriptions are kept grouped by
 * key ({@link StreamSubscriptions}), so planning a read costs O(keys) and an entry goes straight to its key's
 * readers. A second thread ticks heartbeats and timeouts; a cancelled call removes its subscription by callback. No
 * thread is held per stream, and a slow reader only pauses its own reads.
 */
class RedisAnswerStreams implements AnswerStreams, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RedisAnswerStreams.class);

    private final StringRedisTemplate redis;
    private final LettuceConnectionFactory factory;
    private final StreamSettings settings;
    private final LongConsumer relayDelayMillis;
    private final ConcurrentMap<String, StreamSubscriptions> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private Thread reader;
    private ScheduledExecutorService ticker;
    private StatefulRedisConnection<String, String> connection;

    RedisAnswerStreams(StringRedisTemplate redis, LettuceConnectionFactory factory, StreamSettings settings) {
        this(redis, factory, settings, millis -> { });
    }

    /** {@code relayDelayMillis} hears, per entry handed to live readers, how many ms ago the worker appended it. */
    RedisAnswerStreams(StringRedisTemplate redis, LettuceConnectionFactory factory, StreamSettings settings,
            LongConsumer relayDelayMillis) {
        this.relayDelayMillis = relayDelayMillis;
        this.redis = redis;
        this.factory = factory;
        this.settings = settings;
    }

    @Override
    public boolean exists(RequestId requestId) {
        return Boolean.TRUE.equals(redis.hasKey(RedisKeys.answerStream(requestId.value())));
    }

    @Override
    public void follow(RequestId requestId, long afterSeq, ChunkSink sink) {
        StreamSubscription s = new StreamSubscription(RedisKeys.answerStream(requestId.value()), afterSeq, sink,
                System.nanoTime());
        active.incrementAndGet();
        byKey.compute(s.key, (key, readers) -> {
            StreamSubscriptions r = readers == null ? new StreamSubscriptions(key) : readers;
            r.add(s);
            return r;
        });
        sink.whenReady(() -> {
            if (s.resume()) {
                wake();
            }
        });
        sink.whenCancelled(() -> {
            s.cancel();
            remove(s);
        });
        if (sink.isCancelled()) {
            // Cancelled before the callback was in place.
            s.cancel();
            remove(s);
        }
        wake();
    }

    int activeCount() {
        return active.get();
    }

    /** Takes a subscription out of its key's readers, once, whoever notices first that it is over. */
    private void remove(StreamSubscription s) {
        if (!s.detach()) {
            return;
        }
        byKey.computeIfPresent(s.key, (key, readers) -> readers.remove(s) ? null : readers);
        active.decrementAndGet();
    }

    private void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void readLoop() {
        List<XReadArgs.StreamOffset<String>> offsets = new ArrayList<>();
        while (running) {
            try {
                plan(offsets);
                if (offsets.isEmpty()) {
                    synchronized (wakeUp) {
                        wakeUp.wait(settings.readBlock().toMillis());
                    }
                    continue;
                }
                dispatch(read(offsets));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("reading answer streams failed, retrying: {}", e.toString());
                reconnect();
            }
        }
    }

    /**
     * Plans one XREAD: each key with a readable reader, from the lowest position any of its readable readers is
     * at. Only those readers get the read's entries: a subscription that joins or resumes while the read blocks
     * may be behind the position the read started from, so it waits for the next read from its own position
     * instead of receiving later entries first and missing the ones between (no gap, no duplicate, in order).
     * Costs O(keys): each key keeps its readable readers and their lowest position until one of them changes.
     */
    void plan(List<XReadArgs.StreamOffset<String>> offsets) {
        offsets.clear();
        for (StreamSubscriptions readers : byKey.values()) {
            StreamId from = readers.plan();
            if (from != null) {
                offsets.add(XReadArgs.StreamOffset.from(readers.key, from.toString()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<StreamMessage<String, String>> read(List<XReadArgs.StreamOffset<String>> offsets) {
        XReadArgs args = XReadArgs.Builder.block(settings.readBlock().toMillis()).count(settings.readCount());
        List<StreamMessage<String, String>> messages =
                connection().sync().xread(args, offsets.toArray(new XReadArgs.StreamOffset[0]));
        return messages == null ? List.of() : messages;
    }

    /** Each entry straight to the readers its key planned for this read (a key that left since gets none). */
    void dispatch(List<StreamMessage<String, String>> messages) {
        long now = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        StreamSubscriptions readers = null;
        for (StreamMessage<String, String> m : messages) {
            if (readers == null || !readers.key.equals(m.getStream())) {
                readers = byKey.get(m.getStream());
            }
            if (readers == null || !readers.planned()) {
                continue;
            }
            StreamChunk chunk;
            try {
                chunk = chunk(AnswerStreamEntries.fromFields(m.getBody()));
            } catch (UnreadableEventException e) {
                LOG.warn("skipping unreadable entry {} of {}: {}", m.getId(), m.getStream(), e.getMessage());
                continue;
            }
            StreamId id = StreamId.parse(m.getId());
            // The entry id is the XADD time (Redis clock, ms): the relay stage of time to first token.
            relayDelayMillis.accept(Math.max(0, nowMillis - id.millis));
            readers.dispatch(id, chunk, now, this::remove);
        }
    }

    /**
     * Heartbeats and timeouts. Cancellation arrives by callback, so most subscriptions cost the ticker only a
     * lock-free look at two timestamps; only those with something due are locked and ticked.
     */
    void tick() {
        long now = System.nanoTime();
        long heartbeat = settings.heartbeatInterval().toNanos();
        long timeout = settings.startTimeout().toNanos();
        for (StreamSubscriptions readers : byKey.values()) {
            for (StreamSubscription s : readers.members()) {
                if (!s.due(now, heartbeat, timeout)) {
                    continue;
                }
                try {
                    if (!s.tick(now, heartbeat, timeout)) {
                        remove(s);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("answer stream tick failed for {}: {}", s.key, e.toString());
                    remove(s);
                }
            }
        }
    }

    static StreamChunk chunk(AnswerStreamEntry e) {
        return new StreamChunk(e.getKind(), e.getSeq(), e.getText(), e.getAttempt(), e.getStatus(),
                e.getFinishReason(), e.getInputTokens(), e.getOutputTokens(), e.getErrorCode(), e.getErrorMessage());
    }

    private synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            connection = ((RedisClient) factory.getRequiredNativeClient()).connect(StringCodec.UTF8);
        }
        return connection;
    }

    private synchronized void reconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // The connection is being replaced anyway.
            }
            connection = null;
        }
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        reader = new Thread(this::readLoop, "answer-stream-reader");
        reader.setDaemon(true);
        reader.start();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "answer-stream-ticker");
            t.setDaemon(true);
            return t;
        });
        long tick = settings.tick().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (reader != null) {
            try {
                reader.join(settings.readBlock().toMillis() * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
