package io.chatstream.architecture.sample.platform.infrastructure;

/** Sample for {@code ArchitectureRulesTest}: service-wide wiring every concept may use. */
public class SharedClock {
}
