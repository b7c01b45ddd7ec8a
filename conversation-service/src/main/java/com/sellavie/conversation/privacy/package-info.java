/** This service's part of privacy requests: a contact's (or a business's) contacts, consents, conversations and messages. */
package com.sellavie.conversation.privacy;
