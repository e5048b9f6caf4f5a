// The findings, worst first. Admins get each finding's action; members get the title
// only (the panel adds "ask your admin" once). Info findings are advice for admins.
// Sorted with the report's own order (worst first, then design.md's table), so a
// report from anywhere reads the same.
import { sortFindings } from '../health/status.ts';
import { findingActionKey } from '../health/text-params.ts';
import type { Finding } from '../health/types.ts';
import { formatFindingParams } from './finding-text.ts';
import { StatusIcon } from './icons.tsx';
import type { Role, TextProps } from './types.ts';

interface FindingListProps extends TextProps {
  findings: readonly Finding[];
  role: Role;
}

export function FindingList({ findings, role, t, fmt }: FindingListProps) {
  const shown = sortFindings(findings).filter((f) => role === 'admin' || f.severity !== 'info');
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
              <strong class="bytegpt-health__finding-title">{t(`findings.${finding.code}.title`, params)}</strong>
              {role === 'admin' && (
                <span class="bytegpt-health__finding-action">{t(findingActionKey(finding), params)}</span>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
