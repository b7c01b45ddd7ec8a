/** Periodic deletion of rows past their retention window (inbox, outbox, and services' own tables). */
package com.sellavie.platform.retention;
