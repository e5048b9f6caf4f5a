// The findings, worst first. Admins get each finding's action and a link to what fixes
// it: the walkthrough step (opened in place by the panel) or the widget settings.
// Members get the title only (the panel adds "ask your admin" once) and no links:
// nothing they cannot act on. Info findings are advice for admins. Sorted with the
// report's own order (worst first, then design.md's table), so a report from anywhere
// reads the same.
import { findingFix } from '../checklist/verdicts.ts';
import { stepById, type StepId } from '../checklist/steps.ts';
import { sortFindings } from '../health/status.ts';
import type { Finding } from '../health/types.ts';
import { findingActionKey, findingTitleKey } from '../health/text-params.ts';
import { formatFindingParams } from './finding-text.ts';
import { StatusIcon } from './icons.tsx';
import type { Role, TextProps } from './types.ts';

interface FindingListProps extends TextProps {
  findings: readonly Finding[];
  role: Role;
  /** Opens a walkthrough step; without it, no step links. */
  onOpenStep?: (step: StepId) => void;
  /** The widget settings; without it, no settings links. */
  settingsHref?: string;
}

function FixLink({ finding, t, onOpenStep, settingsHref }: Pick<FindingListProps, 't' | 'onOpenStep' | 'settingsHref'> & { finding: Finding }) {
  const fix = findingFix(finding);
  if (fix?.kind === 'step' && onOpenStep) {
    const step = stepById(fix.step);
    return (
      <button type="button" class="bytegpt-health__finding-link bytegpt-health__finding-link--step" data-fix-step={step.id} onClick={() => onOpenStep(step.id)}>
        {t('walkthrough.fix_links.step', { n: step.number, title: t(`walkthrough.steps.${step.id}.title`) })}
      </button>
    );
  }
  if (fix?.kind === 'settings' && settingsHref) {
    return (
      <a class="bytegpt-health__link bytegpt-health__finding-link" href={settingsHref} data-fix="settings">
        {t('walkthrough.fix_links.settings')}
      </a>
    );
  }
  return null;
}

export function FindingList({ findings, role, t, fmt, onOpenStep, settingsHref }: FindingListProps) {
  const admin = role === 'admin';
  const shown = sortFindings(findings).filter((f) => admin || f.severity !== 'info');
  if (shown.length === 0) return null;
  return (
    <ul class="bytegpt-health__findings">
      {shown.map((finding) => {
        const params = formatFindingParams(finding, fmt);
        return (
          <li
            key={finding.code}
            class={`bytegpt-health__finding bytegpt-health__finding--${finding.severity}`}
            data-finding={finding.code}
            data-severity={finding.severity}
          >
            <StatusIcon kind={finding.severity} />
            <div class="bytegpt-health__finding-text">
              <strong class="bytegpt-health__finding-title">{t(findingTitleKey(finding), params)}</strong>
              {admin ? <span class="bytegpt-health__finding-action">{t(findingActionKey(finding), params)}</span> : null}
              {admin ? <FixLink finding={finding} t={t} onOpenStep={onOpenStep} settingsHref={settingsHref} /> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
