/** Team replies: a member answers a customer from the console, within Meta's messaging windows. */
package com.sellavie.conversation.reply;
