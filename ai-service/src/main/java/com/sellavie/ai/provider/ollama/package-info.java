/** Self-hosted models behind Ollama's own chat API, through Spring AI's Ollama chat model. */
package com.sellavie.ai.provider.ollama;
