package io.chatstream.simulator;

import java.util.Locale;

/**
 * Whether a request thinks before it answers, and in how many {@code reasoning_content} deltas.
 *
 * <ul>
 *   <li>Thinking-only models ({@code qwq*}, {@code deepseek-r1*}, {@code *-thinking}) always think,
 *       even with {@code enable_thinking:false}, like the real service.</li>
 *   <li>Otherwise {@code enable_thinking:false} turns thinking off. LangChain4j sends it on every text
 *       request unless {@code QwenChatRequestParameters.enableThinking(true)} is set.</li>
 *   <li>Otherwise {@code [sim:think=N]} or {@code enable_thinking:true} turns it on.</li>
 * </ul>
 * The number of deltas is N from {@code [sim:think=N]}, else half the configured answer length, and at most
 * {@code parameters.thinking_budget} (each delta counts as one token of the budget).
 */
final class Thinking {

    private Thinking() {
    }

    static boolean alwaysThinks(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        return name.startsWith("qwq") || name.startsWith("deepseek-r1") || name.endsWith("-thinking");
    }

    /** Reasoning deltas to send before the answer; 0 for none. */
    static int reasoningDeltas(GenerationRequest request, Directives directives, int answerChunks) {
        int wanted = directives.thinking() != null ? directives.thinking() : Math.max(1, answerChunks / 2);
        int deltas = request.thinkingBudget() == null ? wanted : Math.min(wanted, request.thinkingBudget());
        if (alwaysThinks(request.model())) {
            return deltas;
        }
        if (Boolean.FALSE.equals(request.enableThinking())) {
            return 0;
        }
        return directives.thinking() != null || Boolean.TRUE.equals(request.enableThinking()) ? deltas : 0;
    }
}
