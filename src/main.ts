// AMD entry. The build (vite.config.ts: UMD, output.exports 'default') turns this into
// an anonymous define(['jquery'], factory) whose value is this constructor, and
// nothing else: Kommo drops a module whose value is not a function.
import type { KommoCallbacks, KommoWidgetBase } from './kommo/sdk-types.ts';
import { productionEnv } from './kommo/env.ts';
import { createCallbacks } from './kommo/widget.ts';

type WidgetInstance = Partial<KommoWidgetBase> & { callbacks?: KommoCallbacks };

// Kommo mixes its base widget into the prototype and then calls `new`, so the base
// methods are reached through `this` when a callback runs, not now.
export default function BytegptBillingHealth(this: WidgetInstance): WidgetInstance {
  this.callbacks = createCallbacks(this, () => productionEnv(this));
  return this;
}
