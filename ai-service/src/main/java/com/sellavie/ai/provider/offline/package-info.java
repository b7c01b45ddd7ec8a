/** The offline responder: deterministic answers from the business's own seed, no network; the local default. */
package com.sellavie.ai.provider.offline;
