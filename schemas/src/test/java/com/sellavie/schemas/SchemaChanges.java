package com.sellavie.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.avro.Schema;

/** Edits of a record schema, as a careless (or careful) contract change would make them. */
public final class SchemaChanges {

    private SchemaChanges() {
    }

    public static Schema withoutField(Schema record, String name) {
        return rebuild(record, fields -> {
            fields.removeIf(f -> f.name().equals(name));
            return fields;
        });
    }

    public static Schema withFieldType(Schema record, String name, Schema.Type type) {
        return rebuild(record, fields -> {
            fields.replaceAll(f -> f.name().equals(name) ? new Schema.Field(f.name(), Schema.create(type), f.doc()) : f);
            return fields;
        });
    }

    public static Schema withRequiredField(Schema record, String name) {
        return rebuild(record, fields -> {
            fields.add(new Schema.Field(name, Schema.create(Schema.Type.STRING), "added without a default"));
            return fields;
        });
    }

    public static Schema withOptionalField(Schema record, String name) {
        return rebuild(record, fields -> {
            fields.add(new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL),
                    Schema.create(Schema.Type.STRING)), "added with a default", Schema.Field.NULL_DEFAULT_VALUE));
            return fields;
        });
    }

    private static Schema rebuild(Schema record, UnaryOperator<List<Schema.Field>> edit) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        Schema changed = Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false,
                edit.apply(fields));
        record.getObjectProps().forEach(changed::addProp);
        return changed;
    }
}
