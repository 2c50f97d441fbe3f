package io.chatstream.query;

import io.chatstream.architecture.LayeredServiceArchitecture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The query service's layers")
class QueryArchitectureTest extends LayeredServiceArchitecture {

    QueryArchitectureTest() {
        super("io.chatstream.query");
    }
}
