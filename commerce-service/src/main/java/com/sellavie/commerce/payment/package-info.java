/**
 * Payments: the business's provider accounts (settings), the reconciliation of verified payment
 * notifications with orders (reconcile) and the transactions ledger with its discrepancies (ledger).
 */
package com.sellavie.commerce.payment;
