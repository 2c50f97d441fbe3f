package io.chatstream.simulator;

import java.util.Locale;

/**
 * Which endpoint serves a model, as DashScope decides it: vision, audio and omni models, QVQ and
 * the Qwen3.5 series are served only on {@code multimodal-generation}; a request for one of them on
 * {@code text-generation} is refused with 400 {@code InvalidParameter} ("url error"), so a client
 * that routes a model to the wrong endpoint fails here as it would against the real service.
 */
final class ModelEndpoint {

    static final String WRONG_ENDPOINT_MESSAGE = "url error, please check url!";

    private ModelEndpoint() {
    }

    static boolean multimodalOnly(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        return name.startsWith("qwen3.5") || name.startsWith("qvq") || name.endsWith("-vl") || name.contains("-vl-")
                || name.contains("-omni") || name.contains("-audio");
    }
}
