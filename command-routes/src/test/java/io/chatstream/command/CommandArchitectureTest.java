package io.chatstream.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.chatstream.architecture.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The command service's layers")
class CommandArchitectureTest {

    private static final String BASE = "io.chatstream.command";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    @DisplayName("keep the domain free of frameworks")
    void domainIsFrameworkFree() {
        ArchitectureRules.domainIsFrameworkFree(BASE).check(classes);
    }

    @Test
    @DisplayName("keep the application layer free of frameworks")
    void applicationIsFrameworkFree() {
        ArchitectureRules.applicationIsFrameworkFree(BASE).check(classes);
    }

    @Test
    @DisplayName("never let the domain reach outward")
    void domainDoesNotReachOut() {
        ArchitectureRules.domainDoesNotReachOut(BASE).check(classes);
    }

    @Test
    @DisplayName("never let the application layer reach outward")
    void applicationDoesNotReachOut() {
        ArchitectureRules.applicationDoesNotReachOut(BASE).check(classes);
    }
}
