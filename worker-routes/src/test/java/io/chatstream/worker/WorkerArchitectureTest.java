package io.chatstream.worker;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.chatstream.architecture.ArchitectureRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkerArchitectureTest {

    private static final String BASE = "io.chatstream.worker";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

    @Test
    @DisplayName("the domain uses no framework")
    void domainIsFrameworkFree() {
        ArchitectureRules.domainIsFrameworkFree(BASE).check(CLASSES);
    }

    @Test
    @DisplayName("the application layer uses no framework")
    void applicationIsFrameworkFree() {
        ArchitectureRules.applicationIsFrameworkFree(BASE).check(CLASSES);
    }

    @Test
    @DisplayName("the domain does not reach outward")
    void domainDoesNotReachOut() {
        ArchitectureRules.domainDoesNotReachOut(BASE).check(CLASSES);
    }

    @Test
    @DisplayName("the application layer does not reach outward")
    void applicationDoesNotReachOut() {
        ArchitectureRules.applicationDoesNotReachOut(BASE).check(CLASSES);
    }
}
