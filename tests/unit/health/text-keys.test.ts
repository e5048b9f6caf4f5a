// Which locale keys word a finding: OpenAI's findings use their own title and advice
// (with an endpoint's variant where one exists); a check that could not load the widget's
// engine.js, and the check relay's own failures, get words of their own.
import { describe, expect, it } from 'vitest';
import { ENGINE_NOT_LOADED, findingActionKey, findingTitleKey, VIA_RELAY } from '../../../src/health/text-params.ts';
import type { Finding } from '../../../src/health/types.ts';

const unreachable = (params: Finding['params']): Finding => ({ code: 'unreachable', severity: 'unknown', endpoint: 'models', params });

describe('finding text keys', () => {
  it("an OpenAI finding uses its code's title and advice", () => {
    const finding = unreachable({ apiCode: 'network' });
    expect(findingTitleKey(finding)).toBe('findings.unreachable.title');
    expect(findingActionKey(finding)).toBe('findings.unreachable.action');
  });

  it("the widget's files not loading has its own words, from the relay too", () => {
    for (const finding of [unreachable({ apiCode: ENGINE_NOT_LOADED }), unreachable({ apiCode: ENGINE_NOT_LOADED, via: VIA_RELAY })]) {
      expect(findingTitleKey(finding)).toBe('findings.unreachable.title_widget_files');
      expect(findingActionKey(finding)).toBe('findings.unreachable.action_widget_files');
    }
  });

  it("the relay's own failures are worded as the relay's; its refusal keeps its own finding's words", () => {
    for (const code of ['unreachable', 'bad_response', 'rate_limited'] as const) {
      const finding: Finding = { code, severity: 'unknown', params: { via: VIA_RELAY } };
      expect(findingTitleKey(finding)).toBe(`findings.${code}.title_relay`);
      expect(findingActionKey(finding)).toBe(`findings.${code}.action_relay`);
    }
    const refused: Finding = { code: 'relay_refused', severity: 'unknown', params: { via: VIA_RELAY, status: 403 } };
    expect(findingTitleKey(refused)).toBe('findings.relay_refused.title');
    expect(findingActionKey(refused)).toBe('findings.relay_refused.action');
  });
});
