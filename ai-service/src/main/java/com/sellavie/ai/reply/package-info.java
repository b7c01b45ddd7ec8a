/**
 * Answering a ReplyRequested: recorded as a reply job, then drained by the reply scheduler (the prompt
 * from the tenant's context, the provider chain outside any transaction, the parsed and validated
 * reply published with the job marked DONE).
 */
package com.sellavie.ai.reply;
