package com.sellavie.schemas.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * An event's fields as readable rows: nested records flattened into paths ({@code items[].sku}), a
 * branch of a union of records named in the path ({@code actions[] CheckoutAction.items[].sku}), each
 * row with its type as an analyst would say it, whether it is optional, its default and its Avro doc.
 */
final class AvroFieldRows {

    /** One field. {@code defaultValue} is null when the field has no default (a producer must set it). */
    record Row(String path, String type, boolean optional, String defaultValue, String doc) {
    }

    private AvroFieldRows() {
    }

    static List<Row> of(Schema record) {
        List<Row> rows = new ArrayList<>();
        addFields(record, "", rows);
        return rows;
    }

    private static void addFields(Schema record, String prefix, List<Row> rows) {
        for (Schema.Field field : record.getFields()) {
            String path = prefix + field.name();
            Schema schema = field.schema();
            boolean optional = isNullable(schema);
            rows.add(new Row(path, typeOf(withoutNull(schema)), optional,
                    field.hasDefaultValue() ? defaultOf(field.defaultVal()) : null,
                    field.doc() == null ? "" : field.doc()));
            addNested(withoutNull(schema), path, rows);
        }
    }

    private static void addNested(Schema schema, String path, List<Row> rows) {
        switch (schema.getType()) {
            case RECORD -> addFields(schema, path + ".", rows);
            case ARRAY -> addNested(schema.getElementType(), path + "[]", rows);
            case MAP -> addNested(schema.getValueType(), path + "{}", rows);
            case UNION -> {
                for (Schema branch : schema.getTypes()) {
                    if (branch.getType() == Schema.Type.RECORD) {
                        addFields(branch, path + " " + branch.getName() + ".", rows);
                    }
                }
            }
            default -> {
            }
        }
    }

    /** The type without its null branch, as the catalog names it. */
    static String typeOf(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        if (logical != null) {
            return logical.getName() + " (" + schema.getType().getName() + ")";
        }
        return switch (schema.getType()) {
            case RECORD, FIXED -> schema.getName();
            case ENUM -> "enum " + schema.getName() + " " + schema.getEnumSymbols();
            case ARRAY -> "array of " + typeOf(schema.getElementType());
            case MAP -> "map of " + typeOf(schema.getValueType());
            case UNION -> String.join(" | ", schema.getTypes().stream()
                    .filter(t -> t.getType() != Schema.Type.NULL).map(AvroFieldRows::typeOf).toList());
            default -> schema.getType().getName();
        };
    }

    private static boolean isNullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                && schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
    }

    private static Schema withoutNull(Schema schema) {
        if (!isNullable(schema)) {
            return schema;
        }
        List<Schema> rest = schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
        return rest.size() == 1 ? rest.getFirst() : Schema.createUnion(rest);
    }

    private static String defaultOf(Object value) {
        if (value == null || value == JsonProperties.NULL_VALUE) {
            return "null";
        }
        if (value instanceof Collection<?> list && list.isEmpty()) {
            return "[]";
        }
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return "{}";
        }
        if (value instanceof CharSequence text) {
            return "\"" + text + "\"";
        }
        return String.valueOf(value);
    }
}
