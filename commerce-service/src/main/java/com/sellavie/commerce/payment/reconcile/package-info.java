/**
 * Payments in: verified payment notifications from ingest ({@code ingest.payment-events}) recorded once,
 * then reconciled with the business's orders by a scheduler (provider verification for Paystack and
 * Flutterwave), which marks orders PAID / PAYMENT_FAILED / REFUNDED or records a discrepancy.
 */
package com.sellavie.commerce.payment.reconcile;
