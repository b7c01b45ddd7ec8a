/** Providers speaking OpenAI's Chat Completions API (OpenAI itself, Groq), through Spring AI's OpenAI chat model. */
package com.sellavie.ai.provider.openai;
