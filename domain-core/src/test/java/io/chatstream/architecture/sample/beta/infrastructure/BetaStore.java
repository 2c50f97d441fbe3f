package io.chatstream.architecture.sample.beta.infrastructure;

import io.chatstream.architecture.sample.beta.application.BetaPort;
import io.chatstream.architecture.sample.platform.infrastructure.SharedClock;

/** Sample for {@code ArchitectureRulesTest}: an adapter using the platform's wiring (allowed). */
public class BetaStore implements BetaPort {
    public SharedClock clock;
}
