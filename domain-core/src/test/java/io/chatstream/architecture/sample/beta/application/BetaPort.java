package io.chatstream.architecture.sample.beta.application;

/** Sample for {@code ArchitectureRulesTest}: an application port. */
public interface BetaPort {
}
