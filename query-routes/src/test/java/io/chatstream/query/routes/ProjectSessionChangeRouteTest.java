package io.chatstream.query.routes;

import io.chatstream.query.projection.interfaces.EventProjections;

/** Guards project-session-change.camel.yaml: SessionChanged events reach {@code eventProjections.sessionChanged}. */
class ProjectSessionChangeRouteTest extends ProjectionRouteTest {

    @Override
    String routeId() {
        return "query-project-session-change";
    }

    @Override
    String topicProperty() {
        return "chat.topics.session-changed";
    }

    @Override
    String groupProperty() {
        return "chat.query.session-group-id";
    }

    @Override
    void project(EventProjections projections, String payload) {
        projections.sessionChanged(payload);
    }
}
