package io.chatstream.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where the worker's answers come from: the local simulator, or Bailian when a key is present. */
record ModelEndpoint(String baseUrl, boolean simulated) {

    /** A dummy key: the simulator checks only that one is sent, as the real API does. */
    private static final String SIMULATOR_KEY = "sk-local-simulator";

    static boolean realKeyPresent() {
        String key = System.getenv("DASHSCOPE_API_KEY");
        return key != null && !key.isBlank();
    }

    static ModelEndpoint real() {
        String override = System.getenv("DASHSCOPE_BASE_URL");
        return new ModelEndpoint(override == null || override.isBlank() ? "" : override, false);
    }

    static ModelEndpoint simulator(String baseUrl) {
        return new ModelEndpoint(baseUrl, true);
    }

    List<String> workerArgs(String model) {
        List<String> args = new ArrayList<>();
        args.add("--chat.bailian.model=" + model);
        if (!baseUrl.isEmpty()) {
            args.add("--chat.bailian.base-url=" + baseUrl);
        }
        return args;
    }

    /** The worker's environment: the real key is inherited, the simulator gets a dummy one. */
    Map<String, String> workerEnv() {
        return simulated ? Map.of("DASHSCOPE_API_KEY", SIMULATOR_KEY) : Map.of("DASHSCOPE_API_KEY", System.getenv("DASHSCOPE_API_KEY"));
    }

    String description() {
        if (simulated) {
            return "bailian-simulator " + baseUrl;
        }
        return "Bailian (DashScope) " + (baseUrl.isEmpty() ? "default endpoint" : baseUrl);
    }
}
