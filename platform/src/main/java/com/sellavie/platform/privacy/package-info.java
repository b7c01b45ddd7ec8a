/**
 * A data-owning service's side of privacy requests: it declares a {@link com.sellavie.platform.privacy.PrivacyTaskHandler},
 * the platform consumes {@code identity.privacy-requests}, runs the handler as the subject's business, answers
 * {@code PrivacyTaskCompleted} through the outbox and serves the export part at {@code /internal/privacy/exports/{id}}.
 */
package com.sellavie.platform.privacy;
