/** Contacts, conversations and messages as stored: shared by the inbound, read-side and outbound features. */
package com.sellavie.conversation.messaging;
