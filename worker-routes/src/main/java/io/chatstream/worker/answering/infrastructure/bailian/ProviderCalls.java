package io.chatstream.worker.answering.infrastructure.bailian;

import com.alibaba.dashscope.protocol.okhttp.OkHttpClientFactory;
import dev.langchain4j.community.model.dashscope.QwenStreamingChatModel;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Dispatcher;

/**
 * Lets a stopped answer close its HTTP stream to Bailian. Neither LangChain4j's DashScope model
 * nor the SDK returns a handle to the call, so each call carries a header with a fresh tag, and
 * closing looks the call up by that tag in the SDK's shared OkHttp dispatcher and cancels it:
 * the connection closes and Bailian stops generating (and billing) tokens nobody reads.
 */
final class ProviderCalls {

    /** Request header with the tag; Bailian ignores unknown headers. */
    static final String TAG_HEADER = "x-chatstream-call";

    private static final ThreadLocal<String> TAG_OF_CALL_BEING_MADE = new ThreadLocal<>();

    private ProviderCalls() {
    }

    /** Makes every call of the model carry the tag of {@link #tagged}'s current call. */
    static void install(QwenStreamingChatModel model) {
        model.setGenerationParamCustomizer(params -> {
            String tag = TAG_OF_CALL_BEING_MADE.get();
            if (tag != null) {
                params.header(TAG_HEADER, tag);
            }
        });
    }

    /**
     * Starts a call with {@code start} (which builds the request on this thread, as the model's
     * {@code chat} does before handing the call to OkHttp) and returns the call's tag.
     */
    static String tagged(Runnable start) {
        String tag = UUID.randomUUID().toString();
        TAG_OF_CALL_BEING_MADE.set(tag);
        try {
            start.run();
        } finally {
            TAG_OF_CALL_BEING_MADE.remove();
        }
        return tag;
    }

    /** Cancels the call with this tag if it is still queued or running; true when one was found. */
    static boolean close(String tag) {
        return close(tag, () -> OkHttpClientFactory.getOkHttpClient().dispatcher());
    }

    static boolean close(String tag, Supplier<Dispatcher> dispatcher) {
        Dispatcher calls = dispatcher.get();
        boolean found = cancel(tag, calls.runningCalls());
        return cancel(tag, calls.queuedCalls()) || found;
    }

    private static boolean cancel(String tag, Iterable<Call> calls) {
        boolean found = false;
        for (Call call : calls) {
            if (tag.equals(call.request().header(TAG_HEADER))) {
                call.cancel();
                found = true;
            }
        }
        return found;
    }
}
