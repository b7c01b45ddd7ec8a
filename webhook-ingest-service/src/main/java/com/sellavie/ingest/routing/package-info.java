/** The routing table: which business owns the channel a webhook names, kept from conversation.channels events. */
package com.sellavie.ingest.routing;
