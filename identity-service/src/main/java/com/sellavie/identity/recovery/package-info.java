/**
 * Proving control of an email address: verifying it after sign-up, and resetting a forgotten password,
 * both through single-use, expiring, hashed tokens sent by email.
 */
package com.sellavie.identity.recovery;
