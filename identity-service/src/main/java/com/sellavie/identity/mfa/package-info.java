/**
 * TOTP two-factor authentication (RFC 6238): enrolment with a QR code, single-use recovery codes, the
 * log-in challenge and its second step ({@code POST /api/auth/mfa}).
 */
package com.sellavie.identity.mfa;
