package com.sellavie.commerce.catalog;

/** What an import did: products created, changed, and found already as the file says. */
record ImportSummary(int created, int updated, int unchanged) {
}
