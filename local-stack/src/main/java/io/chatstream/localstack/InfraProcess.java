package io.chatstream.localstack;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Kafka, Redis or MariaDB seen by the {@link Supervisor}: local-infra restarts them on the same port and data. */
record InfraProcess(String name, BooleanSupplier alive, LongSupplier pidOf, Runnable restarter) implements Supervised {

    @Override
    public boolean isAlive() {
        return alive.getAsBoolean();
    }

    @Override
    public long pid() {
        return pidOf.getAsLong();
    }

    @Override
    public void restart() {
        restarter.run();
    }
}
