/** The read side of the inbox: a business's conversations, newest first, and their messages. */
package com.sellavie.conversation.conversations;
