package io.chatstream.architecture.sample.loose;

/** Sample for {@code ArchitectureRulesTest}: outside any concept layer (forbidden). */
public class Helper {
}
