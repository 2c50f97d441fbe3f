package io.chatstream.query.routes;

import io.chatstream.query.projection.interfaces.EventProjections;

/** Guards project-answer.camel.yaml: AnswerCompleted events reach {@code eventProjections.answerCompleted}. */
class ProjectAnswerRouteTest extends ProjectionRouteTest {

    @Override
    String routeId() {
        return "query-project-answer";
    }

    @Override
    String topicProperty() {
        return "chat.topics.answer-completed";
    }

    @Override
    String groupProperty() {
        return "chat.query.answer-group-id";
    }

    @Override
    void project(EventProjections projections, String payload) {
        projections.answerCompleted(payload);
    }
}
