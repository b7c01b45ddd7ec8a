package com.sellavie.schemas.serde;

import io.apicurio.registry.resolver.ParsedSchema;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.resolver.strategy.ArtifactReferenceResolverStrategy;
import io.apicurio.registry.serde.data.SerdeRecord;
import org.apache.avro.Schema;

/**
 * Names the registry artifact of a record the way the Confluent API names its subject:
 * {@code <topic>-<record full name>} in the default group.
 *
 * <p>Apicurio's own {@code TopicRecordIdStrategy} (3.x) uses the record's namespace as group and its
 * simple name in the artifact id, which is not the subject analysts' tools, the registrar and
 * {@code Topic.subjectFor} agree on, so a serializer with auto-registration off would not find the
 * schemas registered at start-up.
 */
public class TopicRecordSubjectStrategy implements ArtifactReferenceResolverStrategy<Schema, Object> {

    /** The group the Confluent-compatible API keeps its subjects in. */
    public static final String GROUP = "default";

    @Override
    public ArtifactReference artifactReference(Record<Object> data, ParsedSchema<Schema> parsedSchema) {
        Schema schema = parsedSchema.getParsedSchema();
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalStateException("Sellavie events are Avro records, not " + schema.getType());
        }
        String topic = ((SerdeRecord<Object>) data).metadata().getTopic();
        return ArtifactReference.builder()
                .groupId(GROUP)
                .artifactId(topic + "-" + schema.getFullName())
                .build();
    }
}
