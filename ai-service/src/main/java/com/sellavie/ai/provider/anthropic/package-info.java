/** Anthropic's Messages API, through Spring AI's Anthropic chat model. */
package com.sellavie.ai.provider.anthropic;
