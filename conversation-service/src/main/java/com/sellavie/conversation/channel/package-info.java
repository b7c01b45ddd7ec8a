/** Connected messaging channels (Instagram accounts for now) and their tokens, encrypted at rest. */
package com.sellavie.conversation.channel;
