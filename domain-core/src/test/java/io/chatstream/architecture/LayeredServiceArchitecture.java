package io.chatstream.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The checks of {@link ArchitectureRules}, as tests a service inherits:
 * {@code class CommandArchitectureTest extends LayeredServiceArchitecture}, with its base package.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LayeredServiceArchitecture {

    private final String basePackage;
    private JavaClasses classes;

    protected LayeredServiceArchitecture(String basePackage) {
        this.basePackage = basePackage;
    }

    /** False for an adapter-only service (the gateway), whose domain package may stay empty. */
    protected boolean hasDomainModel() {
        return true;
    }

    @BeforeAll
    void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    @Test
    @DisplayName("the domain is free of frameworks and SDKs")
    void domainIsFrameworkFree() {
        ArchitectureRules.domainIsFrameworkFree(basePackage).allowEmptyShould(!hasDomainModel()).check(classes);
    }

    @Test
    @DisplayName("the application layer is free of frameworks and SDKs")
    void applicationIsFrameworkFree() {
        ArchitectureRules.applicationIsFrameworkFree(basePackage).check(classes);
    }

    @Test
    @DisplayName("the domain never reaches outward")
    void domainDoesNotReachOut() {
        ArchitectureRules.domainDoesNotReachOut(basePackage).allowEmptyShould(!hasDomainModel()).check(classes);
    }

    @Test
    @DisplayName("the application layer never reaches outward")
    void applicationDoesNotReachOut() {
        ArchitectureRules.applicationDoesNotReachOut(basePackage).check(classes);
    }

    @Test
    @DisplayName("interfaces never reach around the use cases into infrastructure")
    void interfacesDoNotReachInfrastructure() {
        ArchitectureRules.interfacesDoNotReachInfrastructure(basePackage).check(classes);
    }

    @Test
    @DisplayName("every class lives in <concept>.<layer>")
    void packagedByConcept() {
        ArchitectureRules.packagedByConcept(basePackage).check(classes);
    }

    @Test
    @DisplayName("concepts meet only through application ports and domain types")
    void conceptsMeetThroughApplication() {
        ArchitectureRules.conceptsMeetThroughApplication(basePackage).check(classes);
    }
}
