/**
 * Payment provider webhooks (Paystack, Flutterwave, Stripe): each verified on its exact bytes with its
 * business's secret, then normalised and published as {@code PaymentEventReceived}.
 */
package com.sellavie.ingest.payment;
