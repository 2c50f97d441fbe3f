package io.chatstream.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;

/**
 * The rules every service checks with ArchUnit (STYLE.md item 1). A service is packaged by concept, then by
 * layer: {@code <service>.<concept>.{domain,application,infrastructure,interfaces}} (for example
 * {@code io.chatstream.worker.answering.application}); only the Spring Boot application class sits in the
 * service's own package. Shipped in domain-core's test jar so every service applies the very same rules.
 */
public final class ArchitectureRules {

    /** Frameworks and SDKs that must never reach a domain or application package. */
    public static final String[] FRAMEWORKS = {
        "org.springframework..", "org.apache.camel..", "com.google.protobuf..", "dev.langchain4j..",
        "com.alibaba..", "io.grpc..", "org.apache.kafka..", "java.sql..", "javax.sql..", "jakarta..",
        "io.lettuce..", "redis.clients..", "io.micrometer..", "io.opentelemetry..", "io.chatstream.proto..",
        "io.chatstream.contracts..", "com.fasterxml.."
    };

    /**
     * The service-wide technical concept (configuration, observability, clocks) that every concept may use,
     * in any layer the other rules allow.
     */
    public static final String PLATFORM = "platform";

    /** The layers of a concept, innermost first. */
    public static final List<String> LAYERS = List.of("domain", "application", "infrastructure", "interfaces");

    private ArchitectureRules() {
    }

    /** The domain layer depends on the JDK and the shared kernel only. */
    public static ArchRule domainIsFrameworkFree(String basePackage) {
        return noClasses().that().resideInAPackage(layer(basePackage, "domain"))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the domain depends on no framework or SDK (MISSION.md, DDD)");
    }

    /** Application services orchestrate plain domain code; adapters live in infrastructure. */
    public static ArchRule applicationIsFrameworkFree(String basePackage) {
        return noClasses().that().resideInAPackage(layer(basePackage, "application"))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("application services only orchestrate domain code (STYLE.md item 1)");
    }

    /** Inner layers never reach outward, in any concept. */
    public static ArchRule domainDoesNotReachOut(String basePackage) {
        return noClasses().that().resideInAPackage(layer(basePackage, "domain"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        layer(basePackage, "application"), layer(basePackage, "infrastructure"),
                        layer(basePackage, "interfaces"))
                .because("dependencies point inward: interfaces -> application -> domain");
    }

    public static ArchRule applicationDoesNotReachOut(String basePackage) {
        return noClasses().that().resideInAPackage(layer(basePackage, "application"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        layer(basePackage, "infrastructure"), layer(basePackage, "interfaces"))
                .because("dependencies point inward: interfaces -> application -> domain");
    }

    /** Inbound adapters call use cases; they never reach around them into outbound adapters. */
    public static ArchRule interfacesDoNotReachInfrastructure(String basePackage) {
        return noClasses().that().resideInAPackage(layer(basePackage, "interfaces"))
                .should().dependOnClassesThat().resideInAPackage(layer(basePackage, "infrastructure"))
                .because("interfaces turn input into use-case calls; adapters are reached through application ports");
    }

    /** Every class but the Spring Boot application class lives in a concept's layer. */
    public static ArchRule packagedByConcept(String basePackage) {
        return classes().that().resideInAPackage(basePackage + "..")
                .and().resideOutsideOfPackage(basePackage)
                .should(new ArchCondition<>("live in <concept>.<layer> under " + basePackage) {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        if (place(basePackage, item).isEmpty()) {
                            events.add(SimpleConditionEvent.violated(item, item.getName()
                                    + " is not in " + basePackage + ".<concept>.{" + String.join(",", LAYERS) + "}"));
                        }
                    }
                })
                .because("a newcomer finds any flow in two hops: concept, then layer");
    }

    /**
     * A concept uses another one only through that concept's application ports and the domain types they
     * speak in, never through its adapters (infrastructure, interfaces); {@value #PLATFORM} is open to all.
     */
    public static ArchRule conceptsMeetThroughApplication(String basePackage) {
        return classes().that().resideInAPackage(basePackage + "..")
                .should(new ArchCondition<>("use other concepts only through their application and domain") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        Optional<Place> from = place(basePackage, item);
                        if (from.isEmpty()) {
                            return;
                        }
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            place(basePackage, dependency.getTargetClass())
                                    .filter(to -> !to.concept().equals(from.get().concept()))
                                    .filter(to -> !to.concept().equals(PLATFORM))
                                    .filter(to -> to.layer().equals("infrastructure") || to.layer().equals("interfaces"))
                                    .ifPresent(to -> events.add(SimpleConditionEvent.violated(item,
                                            dependency.getDescription() + ": concept " + from.get().concept()
                                                    + " reaches into the " + to.layer() + " of concept " + to.concept())));
                        }
                    }
                })
                .because("concepts talk through application ports (issue 18: package by concept)");
    }

    private static String layer(String basePackage, String layer) {
        return basePackage + ".." + layer + "..";
    }

    /** Where a class sits: its concept and layer, or empty when it is outside {@code <concept>.<layer>}. */
    static Optional<Place> place(String basePackage, JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(basePackage + ".")) {
            return Optional.empty();
        }
        String[] parts = name.substring(basePackage.length() + 1).split("\\.");
        if (parts.length < 2 || !LAYERS.contains(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(new Place(parts[0], parts[1]));
    }

    record Place(String concept, String layer) {
    }
}
