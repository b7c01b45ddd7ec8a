package com.sellavie.schemas.catalog;

/**
 * How to decode the topics with common tools, as the page shows it. Every recipe uses only the
 * registry's Confluent-compatible API; the Node one is the decoder {@code NodeDecoderTest} runs.
 */
final class DecodingRecipes {

    static final String MARKDOWN = """

            ## Decoding the topics

            Any Confluent-format tool works, pointed at the registry's Confluent-compatible API. Addresses below
            are the local stack's (`./sellavie up`): Kafka `localhost:9092`, registry
            `http://localhost:8090/apis/ccompat/v7`. In docker-compose they are `kafka:9092` and
            `http://registry:8080/apis/ccompat/v7` inside the compose network.

            **Node** (this repository's decoder, [infra/catalog/decode](../../infra/catalog/decode/decode.js):
            kafkajs and avsc, no JVM; a test decodes real records with it on every build):

            ```bash
            cd infra/catalog/decode && npm ci
            node decode.js --brokers localhost:9092 --registry http://localhost:8090/apis/ccompat/v7 \\
              --topic conversation.messages --max 10
            # {"topic":"conversation.messages","partition":3,"offset":"0","key":"<conversationId>",
            #  "headers":{"eventId":"…","eventType":"MessageRecorded","businessId":"…","traceparent":"…"},
            #  "schemaId":12,"schema":"com.sellavie.events.conversation.MessageRecorded","value":{…}}
            ```

            **kcat** (built with Avro support, i.e. libserdes):

            ```bash
            kcat -C -b localhost:9092 -t conversation.messages -o beginning -e -J \\
              -s key=s -s value=avro -r http://localhost:8090/apis/ccompat/v7
            ```

            **kafka-avro-console-consumer** (Confluent's tools):

            ```bash
            kafka-avro-console-consumer --bootstrap-server localhost:9092 --topic conversation.messages \\
              --from-beginning --property schema.registry.url=http://localhost:8090/apis/ccompat/v7 \\
              --property print.key=true --property print.headers=true \\
              --key-deserializer org.apache.kafka.common.serialization.StringDeserializer
            ```

            **Python** (`pip install confluent-kafka[avro]`):

            ```python
            from confluent_kafka import Consumer
            from confluent_kafka.schema_registry import SchemaRegistryClient
            from confluent_kafka.schema_registry.avro import AvroDeserializer
            from confluent_kafka.serialization import MessageField, SerializationContext

            registry = SchemaRegistryClient({"url": "http://localhost:8090/apis/ccompat/v7"})
            decode = AvroDeserializer(registry)
            consumer = Consumer({"bootstrap.servers": "localhost:9092", "group.id": "analyst",
                                 "auto.offset.reset": "earliest", "enable.auto.commit": False})
            consumer.subscribe(["conversation.messages"])
            while (msg := consumer.poll(10)) is not None:
                event = decode(msg.value(), SerializationContext(msg.topic(), MessageField.VALUE))
                print(msg.key().decode(), dict(msg.headers() or []), event)
            ```

            **By hand**, in any language: skip byte 0 (always `0`), read bytes 1–4 as a big-endian schema id,
            `GET /apis/ccompat/v7/schemas/ids/{id}` (its `schema` field is the writer's schema as a JSON string),
            and decode the rest with the Avro library's generic reader and that schema. Readers with a newer
            copy of a contract resolve the writer's schema to it (the compatibility rule guarantees they can).
            Kafka Connect, ksqlDB, Flink and Spark: their Confluent Avro format with `schema.registry.url` set
            to the same URL.
            """;

    private DecodingRecipes() {
    }
}
