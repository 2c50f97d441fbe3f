package io.chatstream.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContractsArchitectureTest {

    @Test
    @DisplayName("contract helpers need only protobuf and gRPC, so every service can use them")
    void onlyProtobufAndGrpc() {
        classes().that().resideInAPackage("io.chatstream.contracts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "com.google.protobuf..", "io.grpc..", "io.chatstream.proto..",
                        "io.chatstream.contracts..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.chatstream.contracts"));
    }
}
