package io.chatstream.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.chatstream.architecture.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The layering rules of every module, applied to ConversationQueryContext. */
class QueryArchitectureTest {

    private static final String BASE = "io.chatstream.query";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    @DisplayName("the domain depends on no framework")
    void domainIsFrameworkFree() {
        ArchitectureRules.domainIsFrameworkFree(BASE).check(classes);
    }

    @Test
    @DisplayName("the application layer depends on no framework")
    void applicationIsFrameworkFree() {
        ArchitectureRules.applicationIsFrameworkFree(BASE).check(classes);
    }

    @Test
    @DisplayName("the domain does not reach outward")
    void domainDoesNotReachOut() {
        ArchitectureRules.domainDoesNotReachOut(BASE).check(classes);
    }

    @Test
    @DisplayName("the application layer does not reach outward")
    void applicationDoesNotReachOut() {
        ArchitectureRules.applicationDoesNotReachOut(BASE).check(classes);
    }
}
