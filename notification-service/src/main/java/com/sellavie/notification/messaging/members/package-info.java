/** Keeps the local members table from {@code identity.members}. */
package com.sellavie.notification.messaging.members;
