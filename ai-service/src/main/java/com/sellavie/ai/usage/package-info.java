/** What the assistant's replies cost: tokens and price per reply, per business and day, the monthly budget. */
package com.sellavie.ai.usage;
