/**
 * Tenancy: the current business (tenant) of a request or a record, and the data layer's refusal
 * (PostgreSQL row-level security) to touch a tenant-owned row without it.
 */
package com.sellavie.platform.tenancy;
