package io.chatstream.command;

import io.chatstream.architecture.LayeredServiceArchitecture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The command service's layers")
class CommandArchitectureTest extends LayeredServiceArchitecture {

    CommandArchitectureTest() {
        super("io.chatstream.command");
    }
}
