package io.chatstream.gateway;

import io.chatstream.architecture.LayeredServiceArchitecture;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The gateway's layers")
class GatewayArchitectureTest extends LayeredServiceArchitecture {

    GatewayArchitectureTest() {
        super("io.chatstream.gateway");
    }

    /** The gateway is an anti-corruption layer with no core domain model of its own. */
    @Override
    protected boolean hasDomainModel() {
        return false;
    }
}
