/** Answering a ReplyRequested: the prompt from the tenant's context, the provider chain, the parsed and validated reply. */
package com.sellavie.ai.reply;
