/** Providers speaking OpenAI's Chat Completions API (OpenAI, Groq, OpenAI-compatible self-hosted servers), through Spring AI's OpenAI chat model. */
package com.sellavie.ai.provider.openai;
