package io.chatstream.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules every module checks with ArchUnit (STYLE.md item 1).
 * Shipped in domain-core's test jar so every service applies the very same rules.
 */
public final class ArchitectureRules {

    /** Frameworks and SDKs that must never reach a domain or application package. */
    public static final String[] FRAMEWORKS = {
        "org.springframework..", "org.apache.camel..", "com.google.protobuf..", "dev.langchain4j..",
        "com.alibaba..", "io.grpc..", "org.apache.kafka..", "java.sql..", "javax.sql..", "jakarta..",
        "io.lettuce..", "redis.clients..", "io.micrometer..", "io.opentelemetry..", "io.chatstream.proto..",
        "io.chatstream.contracts..", "com.fasterxml.."
    };

    private ArchitectureRules() {
    }

    /** The domain layer depends on the JDK and the shared kernel only. */
    public static ArchRule domainIsFrameworkFree(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the domain depends on no framework or SDK (MISSION.md, DDD)");
    }

    /** Application services orchestrate plain domain code; adapters live in infrastructure. */
    public static ArchRule applicationIsFrameworkFree(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("application services only orchestrate domain code (STYLE.md item 1)");
    }

    /** Inner layers never reach outward. */
    public static ArchRule domainDoesNotReachOut(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        basePackage + ".application..", basePackage + ".infrastructure..",
                        basePackage + ".interfaces..")
                .because("dependencies point inward: interfaces -> application -> domain");
    }

    public static ArchRule applicationDoesNotReachOut(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        basePackage + ".infrastructure..", basePackage + ".interfaces..")
                .because("dependencies point inward: interfaces -> application -> domain");
    }
}
