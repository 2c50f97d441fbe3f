package io.chatstream.localinfra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child JVM that runs a main class from this JVM's own
 * classpath, also when this JVM runs from a Spring Boot executable jar (nested jars).
 */
public final class ChildJvm {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private ChildJvm() {
    }

    public static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String classpath = System.getProperty("java.class.path");
        if (runsFromBootJar()) {
            command.add("-Dloader.main=" + mainClass);
            command.add("-cp");
            command.add(classpath);
            command.add(BOOT_LAUNCHER);
        } else {
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    private static boolean runsFromBootJar() {
        ClassLoader loader = ChildJvm.class.getClassLoader();
        return loader != ClassLoader.getSystemClassLoader()
                && loader.getClass().getName().startsWith("org.springframework.boot.loader");
    }
}
