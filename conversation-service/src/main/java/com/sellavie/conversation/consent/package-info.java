/** Consent records per contact (messaging, marketing): what, granted or withdrawn, when, from which source. */
package com.sellavie.conversation.consent;
