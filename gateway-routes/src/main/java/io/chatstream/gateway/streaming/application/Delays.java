package io.chatstream.gateway.streaming.application;

import java.time.Duration;

/** Port: runs a task after a pause without holding a thread meanwhile (a scheduler in infrastructure). */
@FunctionalInterface
public interface Delays {

    void after(Duration pause, Runnable task);
}
