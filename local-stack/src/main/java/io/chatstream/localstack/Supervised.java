package io.chatstream.localstack;

/** A process of the stack that the {@link Supervisor} watches and brings back when it dies. */
interface Supervised {

    String name();

    /** False once the process has exited, whoever ended it. */
    boolean isAlive();

    /** The current operating-system process id (it changes with every restart). */
    long pid();

    /** Starts the process again on the same port and data; returns once it accepts work. */
    void restart();
}
