package io.chatstream.worker;

import io.chatstream.architecture.LayeredServiceArchitecture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The worker service's layers")
class WorkerArchitectureTest extends LayeredServiceArchitecture {

    WorkerArchitectureTest() {
        super("io.chatstream.worker");
    }
}
