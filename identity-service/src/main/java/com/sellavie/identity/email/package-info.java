/**
 * Account emails (verification, password reset, invitation, "account exists"): requested as
 * {@code AccountEmailRequested} through the outbox, their action links encrypted; notification-service sends them.
 */
package com.sellavie.identity.email;
