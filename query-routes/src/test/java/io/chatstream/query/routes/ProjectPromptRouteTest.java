package io.chatstream.query.routes;

import io.chatstream.query.projection.interfaces.EventProjections;

/** Guards project-prompt.camel.yaml: PromptSubmitted events reach {@code eventProjections.promptSubmitted}. */
class ProjectPromptRouteTest extends ProjectionRouteTest {

    @Override
    String routeId() {
        return "query-project-prompt";
    }

    @Override
    String topicProperty() {
        return "chat.topics.prompt-submitted";
    }

    @Override
    String groupProperty() {
        return "chat.query.prompt-group-id";
    }

    @Override
    void project(EventProjections projections, String payload) {
        projections.promptSubmitted(payload);
    }
}
