package io.chatstream.contracts;

/** Redis key names of the contract; each key has exactly one writing service. */
public final class RedisKeys {

    private RedisKeys() {
    }

    /** Token stream of one answer (XADD). Writer: worker. Readers: query. */
    public static String answerStream(String requestId) {
        return "stream:chat:" + requestId;
    }

    /** Task status, attempt and timings of one answer (hash, TTL). Writer and reader: worker. */
    public static String requestMeta(String requestId) {
        return "chat:req:meta:" + requestId;
    }

    /** Submit de-duplication (string, TTL). Writer and reader: command. */
    public static String idempotency(String requestId) {
        return "chat:idempotent:" + requestId;
    }
}
