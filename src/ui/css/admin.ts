// The CSS of the admin screens (the walkthrough's steps, the dashboard, the settings
// form), which ship in admin.js with their components (src/lazy/admin.ts).
import { DASHBOARD_CSS } from './dashboard.ts';
import { SETTINGS_CSS } from './settings.ts';
import { WALKTHROUGH_CSS } from './walkthrough.ts';

const joinCss = (...parts: string[]) => parts.join('');

// Marked pure: where nothing reads ADMIN_CSS (script.js), the bundler drops all three.
export const ADMIN_CSS = /* @__PURE__ */ joinCss(WALKTHROUGH_CSS, DASHBOARD_CSS, SETTINGS_CSS);
