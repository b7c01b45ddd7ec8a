import { answeredByLabel, providerName } from './provider';

describe('answeredByLabel', () => {
  it('names the provider as people write it, with its model', () => {
    expect(answeredByLabel({ provider: 'openai', model: 'gpt-4o-mini', offline: false })).toBe('OpenAI · gpt-4o-mini');
    expect(answeredByLabel({ provider: 'anthropic', model: 'claude-haiku-4-5', offline: false })).toBe('Anthropic · claude-haiku-4-5');
  });

  it('says the offline assistant wrote it, whatever model is named', () => {
    expect(answeredByLabel({ provider: 'offline', model: null, offline: true })).toBe('Offline assistant');
  });

  it("says no provider answered when ai-service sent its own apology (provider 'none')", () => {
    expect(answeredByLabel({ provider: 'none', model: null, offline: false })).toBe('No provider could answer');
  });

  it("shows a deployment's own provider name as configured, without a model when there is none", () => {
    expect(answeredByLabel({ provider: 'my-vllm', model: null, offline: false })).toBe('my-vllm');
    expect(providerName('Groq')).toBe('Groq');
  });
});
