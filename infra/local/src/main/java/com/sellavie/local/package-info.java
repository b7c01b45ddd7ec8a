/** The local stack behind {@code ./sellavie}: infrastructure, services and demo data on one machine. */
package com.sellavie.local;
