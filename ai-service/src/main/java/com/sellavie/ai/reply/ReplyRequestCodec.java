package com.sellavie.ai.reply;

import com.sellavie.events.conversation.ReplyRequested;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A ReplyRequested as stored in a reply job: Avro binary plus the schema it was written with, so a
 * job written before a deployment is read with the new class's schema by Avro's resolution rules.
 */
final class ReplyRequestCodec {

    private static final SpecificData MODEL = SpecificData.getForClass(ReplyRequested.class);
    private static final Map<String, Schema> WRITER_SCHEMAS = new ConcurrentHashMap<>();

    private ReplyRequestCodec() {
    }

    static String schema() {
        return ReplyRequested.getClassSchema().toString();
    }

    static byte[] encode(ReplyRequested request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            new SpecificDatumWriter<ReplyRequested>(ReplyRequested.getClassSchema(), MODEL).write(request, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode ReplyRequested " + request.getEventId(), e);
        }
        return bytes.toByteArray();
    }

    static ReplyRequested decode(byte[] avro, String writerSchema) {
        Schema writer = WRITER_SCHEMAS.computeIfAbsent(writerSchema, text -> new Schema.Parser().parse(text));
        try {
            return new SpecificDatumReader<ReplyRequested>(writer, ReplyRequested.getClassSchema(), MODEL)
                    .read(null, DecoderFactory.get().binaryDecoder(avro, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decode a stored ReplyRequested", e);
        }
    }
}
