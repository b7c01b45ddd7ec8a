/**
 * Contacts are people: their Instagram/Messenger profile (name, username, picture) kept fresh from Meta by a
 * due-time queue drained off the consumer threads, and what the team edits (name, notes).
 */
package com.sellavie.conversation.contact;
