package io.chatstream.localinfra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocalInfraArchitectureTest {

    @Test
    @DisplayName("the launchers know nothing of the product, so tests of any service can use them")
    void productAgnostic() {
        noClasses().that().resideInAPackage("io.chatstream.localinfra..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.chatstream.command..", "io.chatstream.worker..", "io.chatstream.query..",
                        "io.chatstream.gateway..", "io.chatstream.proto..", "org.springframework..",
                        "org.apache.camel..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.chatstream.localinfra"));
    }
}
