package io.chatstream.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.chatstream.architecture.ArchitectureRules;

/** The layering rules every service shares (domain-core's ArchitectureRules). */
@AnalyzeClasses(packages = "io.chatstream.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    private static final String BASE = "io.chatstream.gateway";

    @ArchTest
    static final ArchRule domainIsFrameworkFree = ArchitectureRules.domainIsFrameworkFree(BASE).allowEmptyShould(true);

    @ArchTest
    static final ArchRule applicationIsFrameworkFree = ArchitectureRules.applicationIsFrameworkFree(BASE);

    @ArchTest
    static final ArchRule domainDoesNotReachOut = ArchitectureRules.domainDoesNotReachOut(BASE).allowEmptyShould(true);

    @ArchTest
    static final ArchRule applicationDoesNotReachOut = ArchitectureRules.applicationDoesNotReachOut(BASE);
}
