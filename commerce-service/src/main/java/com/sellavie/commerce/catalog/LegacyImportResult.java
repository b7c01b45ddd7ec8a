package com.sellavie.commerce.catalog;

/** Products created, and products skipped because the business already had their sku. */
record LegacyImportResult(int created, int skipped) {
}
