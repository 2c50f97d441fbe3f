package io.chatstream.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The concept rules find what they are meant to find, on the sample packages beside this test. */
class ArchitectureRulesTest {

    private static final String SAMPLE = "io.chatstream.architecture.sample";
    private final JavaClasses classes = new ClassFileImporter().importPackages(SAMPLE);

    @Test
    @DisplayName("a class outside <concept>.<layer> is reported, the ones inside are not")
    void packagedByConcept() {
        EvaluationResult result = ArchitectureRules.packagedByConcept(SAMPLE).evaluate(classes);

        assertThat(result.getFailureReport().getDetails()).singleElement().asString().contains("sample.loose.Helper");
    }

    @Test
    @DisplayName("reaching another concept's infrastructure is reported, using its application port is not")
    void conceptsMeetThroughApplication() {
        EvaluationResult result = ArchitectureRules.conceptsMeetThroughApplication(SAMPLE).evaluate(classes);

        assertThat(result.getFailureReport().getDetails())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("AlphaListener").contains("infrastructure of concept beta"));
    }

    @Test
    @DisplayName("an interface adapter that uses an infrastructure class is reported")
    void interfacesDoNotReachInfrastructure() {
        EvaluationResult result = ArchitectureRules.interfacesDoNotReachInfrastructure(SAMPLE).evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).allSatisfy(line -> assertThat(line).contains("AlphaListener"));
    }
}
