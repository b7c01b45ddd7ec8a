package com.sellavie.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.SchemaChanges;
import com.sellavie.schemas.history.CompatibilityGate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Both gates bite on the same breaking change: the build's checker and the live registry's rule. */
class IncompatibleChangeTest {

    private static final Schema RELEASED = InboundMessageReceived.getClassSchema();

    static Stream<Arguments> breakingChanges() {
        return Stream.of(
                Arguments.of("a field removed that had no default", SchemaChanges.withoutField(RELEASED, "externalMessageId")),
                Arguments.of("a field's type changed", SchemaChanges.withFieldType(RELEASED, "sentAt", Schema.Type.STRING)),
                Arguments.of("a field added without a default", SchemaChanges.withRequiredField(RELEASED, "locale")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingChanges")
    void theBuildGateReportsIt(String change, Schema changed) {
        assertThat(CompatibilityGate.problems(changed, List.of(RELEASED))).as(change).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingChanges")
    void theRegistryRejectsIt(String change, Schema changed) {
        SchemaRegistrar registrar = new SchemaRegistrar(TestSchemaRegistry.baseUrl());
        String subject = freshSubject();
        registrar.register(subject, RELEASED);

        assertThatThrownBy(() -> registrar.register(subject, changed)).as(change)
                .isInstanceOfSatisfying(SchemaRegistrationException.class, e -> {
                    assertThat(e.isIncompatible()).isTrue();
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.subject()).isEqualTo(subject);
                });
    }

    @Test
    void bothAcceptAnOptionalFieldWithADefault() {
        Schema evolved = SchemaChanges.withOptionalField(RELEASED, "locale");
        SchemaRegistrar registrar = new SchemaRegistrar(TestSchemaRegistry.baseUrl());
        String subject = freshSubject();
        long released = registrar.register(subject, RELEASED);

        assertThat(CompatibilityGate.problems(evolved, List.of(RELEASED))).isEmpty();
        assertThat(registrar.register(subject, evolved)).isNotEqualTo(released);
    }

    private static String freshSubject() {
        return "test.compatibility-" + UUID.randomUUID() + "-" + RELEASED.getFullName();
    }
}
