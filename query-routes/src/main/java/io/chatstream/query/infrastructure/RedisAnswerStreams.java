package io.chatstream.query.infrastructure;

import io.chatstream.contracts.AnswerStreamEntries;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.domain.RequestId;
import io.chatstream.proto.v1.AnswerStreamEntry;
import io.chatstream.query.application.AnswerStreams;
import io.chatstream.query.application.ChunkSink;
import io.chatstream.query.domain.StreamChunk;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * All live answer streams read by ONE thread: {@code XREAD BLOCK <short> COUNT n STREAMS k1 k2 … id1 id2 …} on a
 * dedicated connection, each entry dispatched to the subscriptions of its key. A second thread ticks heartbeats
 * and timeouts. No thread is held per stream, and a slow reader only pauses its own key.
 */
class RedisAnswerStreams implements AnswerStreams, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RedisAnswerStreams.class);

    private final StringRedisTemplate redis;
    private final LettuceConnectionFactory factory;
    private final StreamSettings settings;
    private final Consumer<Duration> relayDelay;
    private final Set<StreamSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private Thread reader;
    private ScheduledExecutorService ticker;
    private StatefulRedisConnection<String, String> connection;

    RedisAnswerStreams(StringRedisTemplate redis, LettuceConnectionFactory factory, StreamSettings settings) {
        this(redis, factory, settings, delay -> { });
    }

    /** {@code relayDelay} hears, per entry handed to live readers, how long ago the worker appended it. */
    RedisAnswerStreams(StringRedisTemplate redis, LettuceConnectionFactory factory, StreamSettings settings,
            Consumer<Duration> relayDelay) {
        this.relayDelay = relayDelay;
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
        sink.whenReady(() -> {
            s.resume();
            wake();
        });
        subscriptions.add(s);
        wake();
    }

    int activeCount() {
        return subscriptions.size();
    }

    private void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void readLoop() {
        while (running) {
            try {
                ReadPlan plan = plan();
                if (plan.fromIdByKey().isEmpty()) {
                    synchronized (wakeUp) {
                        wakeUp.wait(settings.block().toMillis());
                    }
                    continue;
                }
                dispatch(read(plan.fromIdByKey()), plan.readersByKey());
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
     * One XREAD: each readable key from the lowest position any of its readers is at, and those
     * readers. Only they get the read's entries: a subscription that joins or resumes while the
     * read blocks may be behind the position the read started from, so it waits for the next read
     * from its own position instead of receiving later entries first and missing the ones between.
     */
    private record ReadPlan(Map<String, String> fromIdByKey, Map<String, List<StreamSubscription>> readersByKey) {
    }

    private ReadPlan plan() {
        Map<String, String> fromIdByKey = new HashMap<>();
        Map<String, List<StreamSubscription>> readersByKey = new HashMap<>();
        for (StreamSubscription s : subscriptions) {
            if (s.readable()) {
                fromIdByKey.merge(s.key, s.lastId(), (a, b) -> StreamIds.compare(a, b) <= 0 ? a : b);
                readersByKey.computeIfAbsent(s.key, k -> new ArrayList<>()).add(s);
            }
        }
        return new ReadPlan(fromIdByKey, readersByKey);
    }

    @SuppressWarnings("unchecked")
    private List<StreamMessage<String, String>> read(Map<String, String> fromIdByKey) {
        List<io.lettuce.core.XReadArgs.StreamOffset<String>> offsets = new ArrayList<>(fromIdByKey.size());
        fromIdByKey.forEach((key, id) -> offsets.add(XReadArgs.StreamOffset.from(key, id)));
        XReadArgs args = XReadArgs.Builder.block(settings.block().toMillis()).count(settings.readCount());
        List<StreamMessage<String, String>> messages =
                connection().sync().xread(args, offsets.toArray(new XReadArgs.StreamOffset[0]));
        return messages == null ? List.of() : messages;
    }

    private void dispatch(List<StreamMessage<String, String>> messages,
                          Map<String, List<StreamSubscription>> readersByKey) {
        long now = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        for (StreamMessage<String, String> m : messages) {
            StreamChunk chunk;
            try {
                chunk = chunk(AnswerStreamEntries.fromFields(m.getBody()));
            } catch (UnreadableEventException e) {
                LOG.warn("skipping unreadable entry {} of {}: {}", m.getId(), m.getStream(), e.getMessage());
                continue;
            }
            List<StreamSubscription> readers = readersByKey.getOrDefault(m.getStream(), List.of());
            if (!readers.isEmpty()) {
                // The entry id is the XADD time (Redis clock, ms): the relay stage of time to first token.
                relayDelay.accept(Duration.ofMillis(Math.max(0, nowMillis - StreamIds.millis(m.getId()))));
            }
            for (StreamSubscription s : readers) {
                s.offer(m.getId(), chunk, now);
                if (s.closed()) {
                    subscriptions.remove(s);
                }
            }
        }
    }

    private void tick() {
        long now = System.nanoTime();
        long heartbeat = settings.heartbeatInterval().toNanos();
        long timeout = settings.startTimeout().toNanos();
        for (StreamSubscription s : subscriptions) {
            try {
                if (!s.tick(now, heartbeat, timeout)) {
                    subscriptions.remove(s);
                }
            } catch (RuntimeException e) {
                LOG.warn("answer stream tick failed for {}: {}", s.key, e.toString());
                subscriptions.remove(s);
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
                reader.join(settings.block().toMillis() * 5);
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
