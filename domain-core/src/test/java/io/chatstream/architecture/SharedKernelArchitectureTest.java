package io.chatstream.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SharedKernelArchitectureTest {

    @Test
    @DisplayName("the shared kernel uses the JDK only")
    void jdkOnly() {
        classes().that().resideInAPackage("io.chatstream.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.chatstream.domain..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.chatstream.domain"));
    }
}
