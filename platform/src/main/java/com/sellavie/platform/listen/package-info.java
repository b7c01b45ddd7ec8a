/**
 * One instance's LISTEN connection to PostgreSQL: notifications handed to a handler on the listener's own
 * thread, a lost connection taken again with backoff, and the handler told both, so whatever it derives
 * from notifications (a live feed, a cache) knows when some may have been missed.
 */
package com.sellavie.platform.listen;
