# syntax=docker/dockerfile:1
# Build stage: dependencies first (cached while only sources change), then the service.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY bot/pom.xml bot/
COPY config/application.properties config/
RUN mvn -B -q -pl bot -am dependency:go-offline -DskipTests
COPY bot/src bot/src
RUN mvn -B -q -pl bot -am package -DskipTests

# Runtime stage: a JRE, the thin jar with its lib/ folder, configuration and models; never root.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app --uid 10001 klinik
WORKDIR /app
COPY --from=build /src/bot/target/klinik-bot.jar /app/klinik-bot.jar
COPY --from=build /src/bot/target/lib /app/lib
COPY config /app/config
COPY nlp-models /app/nlp-models
RUN mkdir -p /app/data && chown -R klinik:klinik /app/data /app/nlp-models
USER klinik
ENV KLINIK_HTTP_PORT=7070 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 7070
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:7070/health || exit 1
# exec form: the JVM is PID 1 and receives SIGTERM for a graceful shutdown.
ENTRYPOINT ["java", "-jar", "/app/klinik-bot.jar"]
