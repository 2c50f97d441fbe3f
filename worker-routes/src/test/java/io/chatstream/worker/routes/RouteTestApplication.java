package io.chatstream.worker.routes;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The smallest application that runs the worker's shipped route files: Camel's own auto-configuration and
 * the test doubles, nothing scanned. None of the worker's configurations is built, so no Redis, Kafka,
 * Bailian or HTTP server is ever reached. Deliberately no {@code @Configuration} stereotype: the worker's own
 * component scan (run by tests that start {@code WorkerApplication}) must not pick this up.
 */
@ImportAutoConfiguration(CamelAutoConfiguration.class)
@Import(RouteDoubles.class)
class RouteTestApplication {
}
