/**
 * Outbound messages (assistant replies and SYSTEM texts) whose delivery needs a person (UNKNOWN, EXPIRED, FAILED) across the business's conversations,
 * so the team can find them without opening every conversation.
 */
package com.sellavie.conversation.attention;
