// Admin or member, from APP.constant('managers')[userId].is_admin (kommo-platform.md §12).
// Anything missing or odd means member: the walkthrough and the settings hints are for
// admins, and showing them to someone who cannot act on them is the worse mistake.
import { readConstant } from './app.ts';
import type { KommoApp } from './sdk-types.ts';

export type UserRole = 'admin' | 'member';

export function readUserRole(app: KommoApp | null): UserRole {
  const user = readConstant(app, 'user');
  const managers = readConstant(app, 'managers');
  if (!user || typeof user !== 'object' || user.id === undefined || user.id === null) return 'member';
  if (!managers || typeof managers !== 'object') return 'member';
  const record = (managers as Record<string, { is_admin?: unknown } | undefined>)[String(user.id)];
  return record?.is_admin === 'Y' ? 'admin' : 'member';
}
