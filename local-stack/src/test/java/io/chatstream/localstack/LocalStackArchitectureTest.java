package io.chatstream.localstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocalStackArchitectureTest {

    @Test
    @DisplayName("the launcher runs services as processes and never links their code")
    void servicesAreProcesses() {
        noClasses().that().resideInAPackage("io.chatstream.localstack..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.chatstream.command..", "io.chatstream.worker..", "io.chatstream.query..",
                        "io.chatstream.gateway..", "org.springframework..", "org.apache.camel..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.chatstream.localstack"));
    }
}
