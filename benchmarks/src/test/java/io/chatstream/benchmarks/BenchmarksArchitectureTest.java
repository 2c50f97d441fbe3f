package io.chatstream.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchmarksArchitectureTest {

    @Test
    @DisplayName("the benchmark is an outside client: it never links the services' code or their frameworks")
    void outsideClient() {
        noClasses().that().resideInAPackage("io.chatstream.benchmarks..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.chatstream.command..", "io.chatstream.worker..", "io.chatstream.query..",
                        "io.chatstream.gateway..", "io.chatstream.localstack..", "org.springframework..",
                        "org.apache.camel..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.chatstream.benchmarks"));
    }
}
