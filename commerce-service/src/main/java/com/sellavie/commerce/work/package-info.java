/** Leased work queues (due rows of every business, claimed one at a time) drained by a few worker threads. */
package com.sellavie.commerce.work;
