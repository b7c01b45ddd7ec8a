/**
 * Sending replies to customers through Meta's Send API, exactly once where possible: PENDING before
 * the call, SENT/FAILED after it, UNKNOWN when a crash or a timeout hides the outcome (never re-sent).
 */
package com.sellavie.conversation.outbound;
