import type { AnsweredBy } from '../api';

const providerNames: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  groq: 'Groq',
  ollama: 'Ollama',
};

/** A provider's name as people write it; a deployment's own provider names are shown as configured. */
export function providerName(name: string): string {
  return providerNames[name.toLowerCase()] ?? name;
}

/**
 * "OpenAI · gpt-4o-mini", or "Offline assistant" when the built-in fallback wrote the reply; ai-service names
 * the provider `none` when no provider could answer and it sent its own apology (with a handoff).
 */
export function answeredByLabel(answeredBy: AnsweredBy): string {
  if (answeredBy.offline || answeredBy.provider === 'offline') {
    return 'Offline assistant';
  }
  if (answeredBy.provider === 'none') {
    return 'No provider could answer';
  }
  const provider = providerName(answeredBy.provider);
  return answeredBy.model ? `${provider} · ${answeredBy.model}` : provider;
}
