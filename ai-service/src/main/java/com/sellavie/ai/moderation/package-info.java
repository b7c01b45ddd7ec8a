/**
 * Moderation of customers' messages before any model sees them: abusive, threatening or self-harm
 * messages get no AI reply and are handed to a person with a flag (OpenAI's moderation API when
 * configured, a rule-based English/French filter otherwise).
 */
package com.sellavie.ai.moderation;
