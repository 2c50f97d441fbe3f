package io.chatstream.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.chatstream.architecture.LayeredServiceArchitecture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The identity provider's layers")
class IdentityProviderArchitectureTest extends LayeredServiceArchitecture {

    IdentityProviderArchitectureTest() {
        super("io.chatstream.identity");
    }

    @Test
    @DisplayName("the domain uses the JDK and nothing else")
    void domainUsesOnlyTheJdk() {
        classes().that().resideInAPackage("io.chatstream.identity..domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.chatstream.identity..domain..")
                .because("the registration rules are plain Java (STYLE.md item 1)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.chatstream.identity"));
    }
}
