package io.chatstream.architecture.sample.alpha.application;

import io.chatstream.architecture.sample.beta.application.BetaPort;

/** Sample for {@code ArchitectureRulesTest}: uses another concept through its port (allowed). */
public class AlphaUseCase {
    public BetaPort port;
}
