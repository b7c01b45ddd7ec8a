/** commerce-service: catalog, orders, checkout, invoices, transactions, payment reconciliation and payment configs. */
package com.sellavie.commerce;
