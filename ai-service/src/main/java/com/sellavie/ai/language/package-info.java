/** Telling which language a customer writes in, for the texts the assistant writes itself. */
package com.sellavie.ai.language;
