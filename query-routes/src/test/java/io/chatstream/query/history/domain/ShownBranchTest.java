package io.chatstream.query.history.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The branch a session shows")
class ShownBranchTest {

    private static final PromptNode Q1 = new PromptNode("q1", null, 1);
    private static final PromptNode Q2 = new PromptNode("q2", "q1", 2);
    private static final PromptNode Q2_AGAIN = new PromptNode("q2b", "q1", 2);
    private static final PromptNode Q1_EDITED = new PromptNode("q1e", "", 1);
    private static final PromptNode Q2_ON_EDIT = new PromptNode("q2e", "q1e", 2);

    @Test
    @DisplayName("runs from the first turn to the head, each turn with its versions, oldest first")
    void toHead() {
        ShownBranch branch = ShownBranch.of(List.of(Q1, Q2, Q2_AGAIN, Q1_EDITED, Q2_ON_EDIT), "q2");

        assertThat(branch.turns()).containsExactly(
                new ShownBranch.Turn("q1", 1, List.of("q1", "q1e")),
                new ShownBranch.Turn("q2", 2, List.of("q2", "q2b")));
    }

    @Test
    @DisplayName("follows an edited first turn to its own continuation")
    void editedBranch() {
        ShownBranch branch = ShownBranch.of(List.of(Q1, Q2, Q1_EDITED, Q2_ON_EDIT), "q2e");

        assertThat(branch.turns()).extracting(ShownBranch.Turn::requestId).containsExactly("q1e", "q2e");
        assertThat(branch.turns().get(1).versions()).containsExactly("q2e");
    }

    @Test
    @DisplayName("without a known head shows the branch of the newest prompt; a missing parent ends it")
    void noHead() {
        assertThat(ShownBranch.of(List.of(Q1, Q2, Q2_AGAIN), null).turns())
                .extracting(ShownBranch.Turn::requestId).containsExactly("q1", "q2b");
        assertThat(ShownBranch.of(List.of(Q2), "unknown").turns())
                .extracting(ShownBranch.Turn::requestId).containsExactly("q2");
    }

    @Test
    @DisplayName("a prompt from before versions (no parent) follows the prompt of the turn before")
    void linePromptsFromBeforeVersions() {
        PromptNode old1 = new PromptNode("o1", null, 1);
        PromptNode old2 = new PromptNode("o2", null, 2);
        PromptNode old3 = new PromptNode("o3", null, 3);

        assertThat(ShownBranch.of(List.of(old1, old2, old3), "o3").turns()).containsExactly(
                new ShownBranch.Turn("o1", 1, List.of("o1")),
                new ShownBranch.Turn("o2", 2, List.of("o2")),
                new ShownBranch.Turn("o3", 3, List.of("o3")));
        assertThat(ShownBranch.of(List.of(), null).turns()).isEmpty();
    }
}
