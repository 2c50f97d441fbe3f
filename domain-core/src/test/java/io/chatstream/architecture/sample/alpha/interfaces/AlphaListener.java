package io.chatstream.architecture.sample.alpha.interfaces;

import io.chatstream.architecture.sample.alpha.application.AlphaUseCase;
import io.chatstream.architecture.sample.beta.infrastructure.BetaStore;

/** Sample for {@code ArchitectureRulesTest}: reaches into another concept's infrastructure (forbidden). */
public class AlphaListener {
    public AlphaUseCase useCase;
    public BetaStore store;
}
