package com.sellavie.commerce.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a merchant's catalog CSV (RFC 4180: comma separated, double-quoted values may hold commas,
 * quotes written twice and line breaks) into products, collecting every bad line instead of
 * stopping at the first, so the merchant can fix the file in one go.
 *
 * <p>Columns, by header name in any order and case: {@code sku, name, price, currency} required;
 * {@code description, stock, active} optional. {@code price} is in major units; {@code stock} empty
 * = unlimited; {@code active} empty = true. Empty lines are skipped. Line numbers are the editor's:
 * the header is line 1 and a value spanning lines counts them all.
 */
final class CsvCatalogReader {

    static final List<String> COLUMNS = List.of("sku", "name", "description", "price", "currency", "stock", "active");
    static final Set<String> REQUIRED = Set.of("sku", "name", "price", "currency");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private final int maxRows;

    CsvCatalogReader(int maxRows) {
        this.maxRows = maxRows;
    }

    /** The file's products with their line numbers, or every error found; never both. */
    Result read(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text; // spreadsheet exports add a BOM
        LineNumbers lines = new LineNumbers(csv);
        List<ImportLineError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(csv))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return Result.failed(List.of(new ImportLineError(1, null,
                        "the file is empty: a header row is required (" + String.join(",", COLUMNS) + ")")));
            }
            CSVRecord headerRecord = records.next();
            Map<String, Integer> header = header(headerRecord, lines.of(headerRecord), errors);
            if (!errors.isEmpty()) {
                return Result.failed(errors);
            }
            Map<String, Integer> firstLineOfSku = new HashMap<>();
            int count = 0;
            while (nextOrError(records, parser, errors)) {
                CSVRecord record = records.next();
                int line = lines.of(record);
                if (++count > maxRows) {
                    errors.add(new ImportLineError(line, null,
                            "too many products: at most " + maxRows + " per file; split the file"));
                    break;
                }
                Row row = row(record, line, header, errors);
                if (row == null) {
                    continue;
                }
                String key = row.product().sku().toLowerCase(Locale.ROOT);
                Integer first = firstLineOfSku.putIfAbsent(key, line);
                if (first != null) {
                    errors.add(new ImportLineError(line, "sku", "appears twice in the file (first on line " + first + ")"));
                    continue;
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors.isEmpty() ? new Result(rows, List.of()) : Result.failed(errors);
    }

    /** Advances the parser; a value whose quotes never close makes the rest of the file unreadable. */
    private static boolean nextOrError(Iterator<CSVRecord> records, CSVParser parser,
            List<ImportLineError> errors) {
        long linesBefore = parser.getCurrentLineNumber();
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException malformed) {
            errors.add(new ImportLineError((int) linesBefore + 1, null, "the quoting is broken from this line on: "
                    + "a value that starts with \" must end with \" (write a \" inside a value as \"\")"));
            return false;
        }
    }

    private static Map<String, Integer> header(CSVRecord record, int line, List<ImportLineError> errors) {
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                errors.add(new ImportLineError(line, name, "unknown column; the columns are "
                        + String.join(",", COLUMNS)));
            } else if (header.putIfAbsent(name, i) != null) {
                errors.add(new ImportLineError(line, name, "column appears twice"));
            }
        }
        for (String required : COLUMNS) {
            if (REQUIRED.contains(required) && !header.containsKey(required)) {
                errors.add(new ImportLineError(line, required, "required column is missing from the header row"));
            }
        }
        return header;
    }

    private static Row row(CSVRecord record, int line, Map<String, Integer> header, List<ImportLineError> errors) {
        if (record.size() != header.size()) {
            errors.add(new ImportLineError(line, null, "has " + record.size() + " values but the header has "
                    + header.size() + " columns"));
            return null;
        }
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        String currency = ProductRules.currency(value(record, header, "currency"), "currency", fieldErrors);
        Long priceMinor = null;
        if (currency != null) {
            try {
                priceMinor = MajorUnitPrice.toMinor(value(record, header, "price"), ProductRules.fractionDigits(currency));
            } catch (IllegalArgumentException e) {
                fieldErrors.put("price", e.getMessage());
            }
        }
        BigDecimal stock = null;
        String stockText = value(record, header, "stock");
        if (stockText != null && !stockText.isBlank()) {
            try {
                stock = new BigDecimal(stockText.strip());
            } catch (NumberFormatException e) {
                fieldErrors.put("stock", "must be empty (unlimited) or a whole number, 0 or more");
            }
        }
        Boolean active = active(value(record, header, "active"), fieldErrors);
        // A price that could not be converted is already reported; zero stands in so the other rules still run.
        ProductInput input = new ProductInput(value(record, header, "sku"), value(record, header, "name"),
                value(record, header, "description"),
                priceMinor == null ? BigDecimal.ZERO : BigDecimal.valueOf(priceMinor),
                value(record, header, "currency"), stock, active);
        Map<String, String> ruleErrors = new LinkedHashMap<>();
        ProductDetails product = ProductRules.validate(input, "", ruleErrors);
        ruleErrors.forEach((field, message) -> fieldErrors.putIfAbsent(csvColumn(field), message));
        if (!fieldErrors.isEmpty()) {
            // A row's errors in column order, so the report reads like the line.
            COLUMNS.forEach(column -> {
                if (fieldErrors.containsKey(column)) {
                    errors.add(new ImportLineError(line, column, fieldErrors.get(column)));
                }
            });
            return null;
        }
        return new Row(line, product);
    }

    private static Boolean active(String text, Map<String, String> fieldErrors) {
        if (text == null || text.isBlank()) {
            return true;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                fieldErrors.put("active", "must be true or false (or empty for true)");
                yield null;
            }
        };
    }

    private static String csvColumn(String field) {
        return "priceMinor".equals(field) ? "price" : field;
    }

    private static String value(CSVRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null ? null : record.get(index);
    }

    /** A valid product and the line it came from. */
    record Row(int line, ProductDetails product) {
    }

    /** Either the products of a good file, or every error of a bad one. */
    record Result(List<Row> rows, List<ImportLineError> errors) {

        static Result failed(List<ImportLineError> errors) {
            return new Result(List.of(), List.copyOf(errors));
        }

        boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Maps a character offset to the 1-based line it is on (CRLF, LF and lone CR each end a line). */
    private static final class LineNumbers {

        private final int[] starts;
        private final String text;

        LineNumbers(String text) {
            this.text = text;
            List<Integer> found = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    found.add(i + 1);
                }
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        int of(CSVRecord record) {
            // The parser's position is taken before it skips empty lines: the record starts after them.
            int offset = (int) record.getCharacterPosition();
            while (offset < text.length() && (text.charAt(offset) == '\n' || text.charAt(offset) == '\r')) {
                offset++;
            }
            int position = Arrays.binarySearch(starts, offset);
            return position >= 0 ? position + 1 : -position - 1;
        }
    }
}
