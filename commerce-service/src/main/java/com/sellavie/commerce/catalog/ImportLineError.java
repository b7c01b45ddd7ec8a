package com.sellavie.commerce.catalog;

/**
 * Why one line of an import was refused.
 *
 * @param line  the line number as the merchant's editor shows it (the header is line 1)
 * @param field the column, or {@code null} for the line as a whole
 */
record ImportLineError(int line, String field, String message) {
}
