package io.chatstream.simulator;

import static io.chatstream.simulator.RecordingHandler.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.community.model.dashscope.QwenStreamingChatModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Multi-turn conversations through the real {@link QwenStreamingChatModel}: what the model really
 * receives, counted by {@code [sim:count]}.
 */
class QwenConversationContractTest {

    private static BailianSimulator simulator;
    private static QwenStreamingChatModel model;

    @BeforeAll
    static void startSimulator() {
        simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0)
                .withFirstTokenDelay(Duration.ofMillis(5)).withInterChunkDelay(Duration.ofMillis(5)));
        model = QwenStreamingChatModel.builder()
                .baseUrl(simulator.baseUrl()).apiKey("sk-test").modelName("qwen-plus").build();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    @DisplayName("[sim:count] answers with the number of messages per role the model received")
    void countMessages() throws Exception {
        RecordingHandler handler = chat(model,
                SystemMessage.from("You are terse."),
                UserMessage.from("Earlier question."),
                AiMessage.from("Earlier answer."),
                UserMessage.from("[sim:count] how many?"));

        ChatResponse response = handler.awaitCompletion();

        assertThat(response.aiMessage().text()).isEqualTo("messages=4 user=2 assistant=1 system=1");
        assertThat(handler.partials).hasSize(2);
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    @DisplayName("[sim:count] sees every earlier turn of a multi-turn conversation")
    void countMultiTurn() throws Exception {
        RecordingHandler handler = chat(model,
                UserMessage.from("first question"),
                AiMessage.from("first answer"),
                UserMessage.from("[sim:count] second question"));

        assertThat(handler.awaitCompletion().aiMessage().text()).isEqualTo("messages=3 user=2 assistant=1 system=0");
    }

    @Test
    @DisplayName("LangChain4j silently drops turns that break user/assistant alternation before they reach the wire")
    void clientSanitisesConversation() throws Exception {
        // Documented because the worker builds multi-turn context: these turns never reach the model.
        assertThat(countsSeenFor(SystemMessage.from("s"), AiMessage.from("leading answer"), UserMessage.from("[sim:count] q")))
                .as("an assistant turn before the first user turn").isEqualTo("messages=2 user=1 assistant=0 system=1");
        assertThat(countsSeenFor(UserMessage.from("u1"), UserMessage.from("u2"), UserMessage.from("[sim:count] q")))
                .as("consecutive user turns keep only the last").isEqualTo("messages=1 user=1 assistant=0 system=0");
        assertThat(countsSeenFor(UserMessage.from("u1"), AiMessage.from("a1"), AiMessage.from("a2"), UserMessage.from("[sim:count] q")))
                .as("consecutive assistant turns keep only the last").isEqualTo("messages=3 user=2 assistant=1 system=0");
        assertThat(countsSeenFor(UserMessage.from("[sim:count] q"), AiMessage.from("trailing answer")))
                .as("a trailing assistant turn").isEqualTo("messages=1 user=1 assistant=0 system=0");
        assertThat(countsSeenFor(SystemMessage.from("s1"), UserMessage.from("u1"), AiMessage.from("a1"),
                SystemMessage.from("s2"), UserMessage.from("[sim:count] q")))
                .as("only one system message survives").isEqualTo("messages=4 user=2 assistant=1 system=1");
    }

    private static String countsSeenFor(ChatMessage... messages) throws Exception {
        return chat(model, messages).awaitCompletion().aiMessage().text();
    }
}
