package io.chatstream.localinfra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The identity a KRaft log directory was formatted with ({@code meta.properties}). A broker
 * restarted on a formatted directory must not be formatted again: a new cluster id would be
 * refused ("Invalid cluster.id") and a new directory would lose every topic and offset.
 */
final class StoredCluster {

    private static final String META = "meta.properties";

    private StoredCluster() {
    }

    static boolean formatted(Path logDir) {
        return Files.exists(logDir.resolve(META));
    }

    /** Fails with an actionable message when the stored identity cannot be read. */
    static void requireUsable(Path logDir) {
        Path meta = logDir.resolve(META);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(meta)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnusableStateException("Kafka", logDir, META + " cannot be read (" + e.getMessage() + ")");
        }
        String clusterId = properties.getProperty("cluster.id", "").trim();
        if (clusterId.isEmpty()) {
            throw new UnusableStateException("Kafka", logDir, META + " names no cluster.id");
        }
    }
}
