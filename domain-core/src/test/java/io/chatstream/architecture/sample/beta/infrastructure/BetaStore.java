package io.chatstream.architecture.sample.beta.infrastructure;

import io.chatstream.architecture.sample.beta.application.BetaPort;

/** Sample for {@code ArchitectureRulesTest}: an adapter. */
public class BetaStore implements BetaPort {
}
