/**
 * Payment provider settings (Paystack, Flutterwave, Stripe): keys encrypted at rest and masked in
 * every response, the webhook endpoint id and URL per provider, the default provider, the decrypted
 * accounts for checkout ({@link com.sellavie.commerce.payment.settings.ProviderAccounts}), and the
 * internal lookup that gives ingest a webhook's verification secrets.
 */
package com.sellavie.commerce.payment.settings;
