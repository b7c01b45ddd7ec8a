package com.sellavie.ai.settings;

/**
 * What one probe call answered: ok, or why not. Never the key, never the provider's own error text
 * (which may quote the key's prefix).
 *
 * @param ok       the provider answered
 * @param provider the provider tested
 * @param model    the model that answered (ok) or was asked for
 * @param cause    null when ok, else a {@link com.sellavie.ai.provider.FailureCause} tag ({@code key_rejected}, ...)
 * @param status   the provider's HTTP status, 0 when there was none
 * @param message  one sentence for the merchant
 */
record KeyTestResult(boolean ok, String provider, String model, String cause, int status, String message) {
}
