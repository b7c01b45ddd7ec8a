package com.sellavie.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Plain Avro binary steps the wire tests build records with. */
final class Avro {

    private Avro() {
    }

    static byte[] encode(SpecificRecord event) {
        return write(out -> new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, out));
    }

    static byte[] encode(GenericRecord record) {
        return write(out -> new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, out));
    }

    /** {@code event} as a generic record of {@code readerSchema} (e.g. an older version), by Avro schema resolution. */
    static GenericRecord as(SpecificRecord event, Schema readerSchema) {
        try {
            return new GenericDatumReader<GenericRecord>(event.getSchema(), readerSchema)
                    .read(null, DecoderFactory.get().binaryDecoder(encode(event), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Magic byte 0, the 4-byte schema id, the Avro binary body. */
    static byte[] confluentFrame(long schemaId, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(Math.toIntExact(schemaId)).put(body).array();
    }

    private interface Body {
        void writeTo(BinaryEncoder out) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            body.writeTo(encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
