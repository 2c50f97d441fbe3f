package io.chatstream.worker.answering.infrastructure.bailian;

import com.alibaba.dashscope.protocol.ConnectionConfigurations;
import com.alibaba.dashscope.utils.Constants;

/**
 * The SDK shares one OkHttp client that allows 32 concurrent streams by default, which would
 * queue every answer beyond the 32nd. The settings are read when that client is first built,
 * so this must run before the first call.
 */
final class DashScopeConnectionLimits {

    private DashScopeConnectionLimits() {
    }

    static void apply(int maxConcurrentStreams) {
        Constants.connectionConfigurations = ConnectionConfigurations.builder()
                .maximumAsyncRequests(maxConcurrentStreams)
                .maximumAsyncRequestsPerHost(maxConcurrentStreams)
                .connectionPoolSize(maxConcurrentStreams)
                .build();
    }
}
