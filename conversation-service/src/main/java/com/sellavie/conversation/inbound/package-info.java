/** Customers' messages arriving from ingest: recorded once, and a reply requested while the bot handles the conversation. */
package com.sellavie.conversation.inbound;
