/** The transactional outbox: a service hands its events to it inside the transaction that changed its state. */
package com.sellavie.platform.outbox;
