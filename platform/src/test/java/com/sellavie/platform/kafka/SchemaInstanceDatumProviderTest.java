package com.sellavie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class SchemaInstanceDatumProviderTest {

    private static final String SCHEMA = """
            {"type":"record","name":"Greeting","namespace":"com.sellavie.test","fields":[
              {"name":"text","type":"string"},{"name":"count","type":"int","default":0}]}""";

    @Test
    void reusesTheReaderOfTheSameSchemaInstance() {
        SchemaInstanceDatumProvider<Object> provider = provider();
        Schema schema = new Schema.Parser().parse(SCHEMA);

        assertThat(provider.createDatumReader(schema)).isSameAs(provider.createDatumReader(schema));
    }

    @Test
    void decodesEveryRecordAsTheSchemaWroteIt() throws IOException {
        SchemaInstanceDatumProvider<Object> provider = provider();
        Schema schema = new Schema.Parser().parse(SCHEMA);

        Object first = decode(provider.createDatumReader(schema), encode(schema, "hello", 1));
        Object second = decode(provider.createDatumReader(schema), encode(schema, "again", 2));

        assertThat(first).hasToString("{\"text\": \"hello\", \"count\": 1}");
        assertThat(second).hasToString("{\"text\": \"again\", \"count\": 2}");
    }

    private static SchemaInstanceDatumProvider<Object> provider() {
        SchemaInstanceDatumProvider<Object> provider = new SchemaInstanceDatumProvider<>();
        provider.setUseSpecificAvroReader(false);
        return provider;
    }

    private static byte[] encode(Schema schema, String text, int count) throws IOException {
        GenericRecord record = new GenericData.Record(schema);
        record.put("text", text);
        record.put("count", count);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Object decode(DatumReader<Object> reader, byte[] bytes) throws IOException {
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
