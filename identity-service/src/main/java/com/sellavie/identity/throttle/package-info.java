/**
 * Log-in throttling against password guessing: failures counted per account and per client address
 * in Redis (shared by every identity instance), growing refusals, then a temporary lock.
 */
package com.sellavie.identity.throttle;
