/** Test-only crash points for the system tests' crash-safety scenarios; inert unless configured. */
package com.sellavie.conversation.faults;
