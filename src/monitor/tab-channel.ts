// Tells the other tabs about a fresh result: BroadcastChannel when available.
// Callers fall back to the `storage` event (or nothing) without it.

export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export type ChannelFactory = (name: string) => ChannelLike;

/** A factory for the real BroadcastChannel, or undefined where there is none. */
export function defaultChannelFactory(): ChannelFactory | undefined {
  const Ctor = (globalThis as { BroadcastChannel?: new (name: string) => ChannelLike }).BroadcastChannel;
  return Ctor ? (name) => new Ctor(name) : undefined;
}

/** Opens a channel, or returns undefined if the factory throws (some sandboxed frames). */
export function openChannel(factory: ChannelFactory | undefined, name: string): ChannelLike | undefined {
  if (!factory) return undefined;
  try {
    return factory(name);
  } catch {
    return undefined;
  }
}
