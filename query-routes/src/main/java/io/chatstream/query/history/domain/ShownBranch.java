package io.chatstream.query.history.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The branch of a session's prompt tree that its history shows: from a first turn to {@code head}, each
 * prompt with the versions of its turn (the prompts with its parent, oldest first). A session without a
 * known head (nothing chosen yet) shows the branch to its newest prompt. A prompt from before versions
 * existed names no parent: it follows the newest earlier prompt of the turn before.
 */
public final class ShownBranch {

    /** One turn of the branch: the prompt shown and every version of that turn, the shown one among them. */
    public record Turn(String requestId, int turn, List<String> versions) {
        public Turn {
            versions = List.copyOf(versions);
        }
    }

    private final List<Turn> turns;

    private ShownBranch(List<Turn> turns) {
        this.turns = turns;
    }

    /** {@code prompts} in the order they were accepted; {@code head} empty when none was chosen. */
    public static ShownBranch of(List<PromptNode> prompts, String head) {
        Map<String, PromptNode> byId = new LinkedHashMap<>();
        Map<Integer, String> newestOfTurn = new HashMap<>();
        Map<String, List<String>> versionsByParent = new HashMap<>();
        for (PromptNode given : prompts) {
            PromptNode prompt = given;
            if (prompt.parent().isEmpty() && prompt.turn() > 1 && newestOfTurn.containsKey(prompt.turn() - 1)) {
                prompt = new PromptNode(prompt.requestId(), newestOfTurn.get(prompt.turn() - 1), prompt.turn());
            }
            byId.put(prompt.requestId(), prompt);
            newestOfTurn.put(prompt.turn(), prompt.requestId());
            versionsByParent.computeIfAbsent(prompt.parent(), p -> new ArrayList<>()).add(prompt.requestId());
        }
        PromptNode last = head == null ? null : byId.get(head);
        if (last == null && !prompts.isEmpty()) {
            last = byId.get(prompts.get(prompts.size() - 1).requestId());
        }
        List<Turn> branch = new ArrayList<>();
        // A parent that is missing (not projected yet) ends the walk; a cycle cannot occur, but is cut anyway.
        while (last != null && branch.size() <= byId.size()) {
            branch.add(new Turn(last.requestId(), last.turn(), versionsByParent.get(last.parent())));
            last = last.parent().isEmpty() ? null : byId.get(last.parent());
        }
        Collections.reverse(branch);
        return new ShownBranch(List.copyOf(branch));
    }

    /** Oldest first. */
    public List<Turn> turns() {
        return turns;
    }
}
