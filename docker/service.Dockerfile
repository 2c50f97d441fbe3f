# The runtime image of every chat service (command, worker, query, gateway): one file, parameterised by
# the module. Build the jars first from the repository root (the same jars the tests ran against):
#   ./mvnw -B -DskipTests package
# then `docker compose build` (each service passes its build args; the context is the repository root).
#
#   MODULE       the Maven module, e.g. command-routes (its jar is <module>/target/<module>.jar)
#   PORTS        the ports the service listens on: HTTP (actuator) first, then gRPC if it serves it
#   HEALTH_PORT  the HTTP port readiness is probed on (the service's server.port)

# Stage 1: split the Spring Boot jar into its layers, so that an image rebuilt after a code change reuses
# the unchanged dependency layers (layers.idx, written by spring-boot-maven-plugin).
FROM eclipse-temurin:17-jre AS layers
ARG MODULE
WORKDIR /build
COPY ${MODULE}/target/${MODULE}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# Stage 2: the runtime image, least-changing layers first.
FROM eclipse-temurin:17-jre
ARG PORTS
ARG HEALTH_PORT

# The Temurin images ship curl; install it only if a future base image drops it (HEALTHCHECK needs it).
RUN command -v curl >/dev/null || (apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*)

# Never run the service as root.
RUN groupadd --system chat && useradd --system --gid chat --home-dir /app --shell /usr/sbin/nologin chat
WORKDIR /app
COPY --from=layers --chown=chat:chat /build/extracted/dependencies/ ./
COPY --from=layers --chown=chat:chat /build/extracted/spring-boot-loader/ ./
COPY --from=layers --chown=chat:chat /build/extracted/snapshot-dependencies/ ./
COPY --from=layers --chown=chat:chat /build/extracted/application/ ./
USER chat

# Every setting comes from environment variables.
EXPOSE ${PORTS}
ENV HEALTH_PORT=${HEALTH_PORT}
# Size the heap from the container's memory limit instead of the host's.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

# Readiness (not liveness): compose's depends_on: service_healthy then waits until it can serve.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl -fsS "http://127.0.0.1:${HEALTH_PORT}/actuator/health/readiness" || exit 1

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
