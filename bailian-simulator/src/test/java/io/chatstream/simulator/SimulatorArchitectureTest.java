package io.chatstream.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimulatorArchitectureTest {

    @Test
    @DisplayName("the simulator stands in for an external API: it knows nothing of the product or the client SDK")
    void independentOfTheProduct() {
        noClasses().that().resideInAPackage("io.chatstream.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.chatstream.worker..", "io.chatstream.proto..", "io.chatstream.contracts..",
                        "io.chatstream.domain..", "dev.langchain4j..", "com.alibaba..", "org.springframework..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.chatstream.simulator"));
    }
}
