/**
 * The inbox: idempotent consumers, which apply each event at most once per consumer group by
 * recording its eventId in the same transaction as its effect.
 */
package com.sellavie.platform.inbox;
