package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Titles for the worker's title requests")
class TitleReplyTest {

    private static GenerationRequest request(String system, String user) throws Exception {
        return GenerationRequest.from(new ObjectMapper().readTree("""
                {"model":"qwen-flash","input":{"messages":[{"role":"system","content":%s},{"role":"user","content":%s}]}}
                """.formatted(quote(system), quote(user))));
    }

    private static String quote(String s) throws Exception {
        return new ObjectMapper().writeValueAsString(s);
    }

    @Test
    @DisplayName("an English first prompt gives its first words in Title Case within 30 characters")
    void english() throws Exception {
        assertThat(TitleReply.of(request("Give a title.",
                "First message:\n**how** do Kafka consumer groups work? [sim:chunks=3]\n\nFirst answer:\nThey share.")))
                .contains("How Do Kafka Consumer Groups");
        assertThat(TitleReply.fromPrompt("Supercalifragilisticexpialidocious words everywhere"))
                .isEqualTo("Supercalifragilisticexpialidoc");
        assertThat(TitleReply.fromPrompt("Explain the difference between optimistic locking")).isEqualTo("Explain The Difference Between");
        assertThat(TitleReply.fromPrompt("?! [sim:echo]")).isEqualTo(TitleReply.UNTITLED);
    }

    @Test
    @DisplayName("a Chinese first prompt gives its first 12 Han characters")
    void chinese() throws Exception {
        assertThat(TitleReply.of(request("请给这段对话起一个标题", "First message:\n帮我写一份周末旅行计划，去杭州\n\nFirst answer:\n好的。")))
                .contains("帮我写一份周末旅行计划去");
    }

    @Test
    @DisplayName("only a system message about a title and the framed user message make a title request")
    void recognition() throws Exception {
        assertThat(TitleReply.of(request("You are helpful.", "First message:\nhello"))).isEmpty();
        assertThat(TitleReply.of(request("Give a title.", "hello"))).isEmpty();
        assertThat(TitleReply.isTitleRequest(request("A TITLE please [sim:error500]", "First message:\nhello"))).isTrue();
    }
}
