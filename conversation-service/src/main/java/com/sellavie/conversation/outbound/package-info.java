/**
 * Sending to customers through Meta's Send API, exactly once where possible, whatever asked for it
 * (the assistant's replies, SYSTEM texts other services request): recorded PENDING by the listeners,
 * claimed under a lease and sent by the scheduler's workers (ATTEMPTING in its own commit before the call), then SENT/FAILED, or UNKNOWN when a timeout or a dead sender hides the
 * outcome (never re-sent automatically; the team resends or marks it delivered).
 */
package com.sellavie.conversation.outbound;
