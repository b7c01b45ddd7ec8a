/**
 * DMs for channels ingest does not know yet: kept (tenant-less, personal data, 7 days), replayed
 * through the normal path when their channel connects or an operator asks, and listed for operators.
 */
package com.sellavie.ingest.unroutable;
