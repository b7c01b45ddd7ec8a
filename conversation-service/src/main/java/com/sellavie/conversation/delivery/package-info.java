/** Meta's delivery and read statuses of the business's messages, applied to the outbound messages they name. */
package com.sellavie.conversation.delivery;
