package io.chatstream.worker.answering.infrastructure.bailian;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.chatstream.worker.answering.domain.Role;
import io.chatstream.worker.answering.domain.Turn;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the conversation to LangChain4j messages, with the configured system prompt first, unless the
 * conversation brings its own (a title request): DashScope takes one system message, first.
 */
final class ConversationMessages {

    private ConversationMessages() {
    }

    static List<ChatMessage> of(String systemPrompt, List<Turn> conversation) {
        List<ChatMessage> messages = new ArrayList<>();
        boolean ownSystem = !conversation.isEmpty() && conversation.get(0).role() == Role.SYSTEM;
        if (systemPrompt != null && !systemPrompt.isBlank() && !ownSystem) {
            messages.add(SystemMessage.from(systemPrompt));
        }
        for (Turn turn : conversation) {
            if (turn.content().isEmpty()) {
                continue; // the SDK rejects empty messages; an empty earlier turn carries nothing
            }
            messages.add(switch (turn.role()) {
                case SYSTEM -> SystemMessage.from(turn.content());
                case USER -> UserMessage.from(turn.content());
                case ASSISTANT -> AiMessage.from(turn.content());
            });
        }
        return messages;
    }
}
