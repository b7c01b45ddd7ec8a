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

/** "OpenAI · gpt-4o-mini", or "Offline assistant" when the built-in fallback wrote the reply. */
export function answeredByLabel(answeredBy: AnsweredBy): string {
  if (answeredBy.offline || answeredBy.provider === 'offline') {
    return 'Offline assistant';
  }
  const provider = providerName(answeredBy.provider);
  return answeredBy.model ? `${provider} · ${answeredBy.model}` : provider;
}
