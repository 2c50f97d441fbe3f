package io.chatstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a service faster from its second run on: its Spring Boot jar is extracted once per build
 * into {@code <state-dir>/cds/<service>/} (Spring Boot's {@code jarmode=tools extract}, plain jars
 * the JVM can share classes from), the first run records the classes it loaded into a dynamic
 * class-data-sharing archive as it exits ({@code -XX:ArchiveClassesAtExit}), and later runs map
 * that archive instead of loading and verifying thousands of classes again
 * ({@code -XX:SharedArchiveFile}). A rebuilt jar starts over; an archive the JVM cannot use (an
 * other JDK) is ignored by the JVM with one warning in the service's log.
 */
final class ClassDataSharing {

    private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);
    private static final String STAMP = "extracted-from";
    private static final String ARCHIVE = "classes.jsa";
    private static final String RECORD_OPTION = "-XX:ArchiveClassesAtExit=";

    /**
     * The jar to run, the JVM options that go with it, and how long a stop may take: a run that records
     * the archive writes it after Spring has shut down, which takes several seconds on a busy machine.
     */
    record Launch(Path jar, List<String> jvmOptions, Duration stopGrace) {

        /** The same jar, but a run that would record the archive runs without one (another instance records it). */
        Launch withoutRecording() {
            boolean recording = jvmOptions.stream().anyMatch(ClassDataSharing::recordsArchive);
            return recording ? new Launch(jar, List.of(), STOP_GRACE) : this;
        }
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(60);

    private ClassDataSharing() {
    }

    /** Whether a JVM option makes the run record its archive as it exits. */
    static boolean recordsArchive(String jvmOption) {
        return jvmOption.startsWith(RECORD_OPTION);
    }

    /** The plain fat jar, untouched, when sharing is off; else the extracted jar and its archive option. */
    static Launch prepare(String service, Path fatJar, Path stateDir, boolean enabled) {
        if (!enabled) {
            return new Launch(fatJar, List.of(), STOP_GRACE);
        }
        Path dir = stateDir.resolve("cds").resolve(service).toAbsolutePath();
        try {
            String source = fatJar.toAbsolutePath() + " " + Files.size(fatJar) + " " + Files.getLastModifiedTime(fatJar).toMillis();
            Path stamp = dir.resolve(STAMP);
            if (!Files.exists(stamp) || !Files.readString(stamp).equals(source)) {
                Directories.deleteTree(dir);
                extract(fatJar, dir.resolve("app"), dir.resolve("extract.log"));
                Files.writeString(stamp, source);
            }
            Path jar = dir.resolve("app").resolve(fatJar.getFileName());
            Path archive = dir.resolve(ARCHIVE);
            // -Xlog:cds*=off: the dump's hundreds of "skipping class" lines would flood the service's JSON log.
            return Files.exists(archive)
                    ? new Launch(jar, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"), STOP_GRACE)
                    : new Launch(jar, List.of(RECORD_OPTION + archive, "-Xlog:cds*=off"), RECORDING_STOP_GRACE);
        } catch (IOException | RuntimeException e) {
            log.warn("{}: starting from the plain jar, without class data sharing ({})", service, e.getMessage());
            return new Launch(fatJar, List.of(), STOP_GRACE);
        }
    }

    private static void extract(Path fatJar, Path destination, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", fatJar.toAbsolutePath().toString(), "extract", "--destination",
                destination.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("extracting " + fatJar.getFileName() + " failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while extracting " + fatJar.getFileName(), e);
        }
    }
}
