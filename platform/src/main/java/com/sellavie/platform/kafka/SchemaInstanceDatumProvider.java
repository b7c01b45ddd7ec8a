package com.sellavie.platform.kafka;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

/**
 * Apicurio's datum provider with each writer schema's reader cached by the schema instance. Apicurio keys
 * its own cache by the schema's parsing fingerprint, which it computes again for every record: the
 * biggest single cost of decoding (docs/benchmarks.md, "Serde" and "Where a DM's cost goes"). Its
 * schema resolver hands out the same parsed {@link Schema} for an id every time, so the instance is as
 * good a key, and free to compare.
 */
public class SchemaInstanceDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    /** A resolver that re-fetches schemas hands out new instances: forget the old ones now and then. */
    private static final int MAX_CACHED = 1000;

    private final Map<SameInstance, DatumReader<T>> readers = new ConcurrentHashMap<>();

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        SameInstance key = new SameInstance(schema);
        DatumReader<T> reader = readers.get(key);
        if (reader == null) {
            if (readers.size() >= MAX_CACHED) {
                readers.clear();
            }
            reader = super.createDatumReader(schema);
            readers.put(key, reader);
        }
        return reader;
    }

    /** A schema compared by identity: Schema.equals would walk the whole schema. */
    private record SameInstance(Schema schema) {
        @Override
        public boolean equals(Object other) {
            return other instanceof SameInstance that && that.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }
}
