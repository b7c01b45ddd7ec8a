/**
 * The catalog: what a business sells (sku, name, price in minor units, stock, active), its API and
 * CSV import, the one-off hand-over of ai-service's old product list, and the {@code commerce.catalog}
 * events every change publishes.
 */
package com.sellavie.commerce.catalog;
