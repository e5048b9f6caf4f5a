// The entry of admin.js, the widget's second file: the admin screens that the card
// sidebar's first paint never needs (the walkthrough's steps and full list, the
// dashboard, the settings form) and their CSS. src/kommo/admin-file.ts loads it on
// demand through the page's RequireJS; the build (vite.config.ts) makes it a UMD file
// whose anonymous define() lists Preact and the few shared modules under ids that
// script.js defines first, so both files run one Preact (hooks need that) and share
// every stateful module. This file may import ui and the pure layers under it, never
// src/kommo, src/monitor or src/billing (the build checks what it bundles).
import type { AdminParts } from '../ui/admin-ui.tsx';
import { ADMIN_CSS } from '../ui/css/admin.ts';
import { Dashboard } from '../ui/Dashboard.tsx';
import { SettingsFields } from '../ui/SettingsFields.tsx';
import { Walkthrough } from '../ui/Walkthrough.tsx';
import { WalkthroughStep } from '../ui/WalkthroughStep.tsx';

const parts: AdminParts = { Dashboard, SettingsFields, Walkthrough, WalkthroughStep, css: ADMIN_CSS };

export default parts;
