// Talks to the TensorBoard page around the plugin's iframe (the protocol of
// TensorBoard's experimental plugin library: a MessageChannel handed over
// with "experimental.bootstrap", JSON messages {type, id, payload, error,
// isReply}). Used to refresh together with TensorBoard; without a host (a
// page opened on its own) nothing happens.

type Listener = (payload: unknown) => unknown;

interface Message {
  type: string;
  id: number;
  payload: unknown;
  error: string | null;
  isReply: boolean;
}

class HostChannel {
  private readonly port: MessagePort;
  private nextId = 0;
  private readonly waiting = new Map<number, (payload: unknown) => void>();
  private readonly listeners = new Map<string, Listener>();

  constructor() {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.addEventListener("message", (event) => this.receive(event));
    this.port.start();
    window.parent.postMessage("experimental.bootstrap", "*", [channel.port2]);
  }

  private async receive(event: MessageEvent): Promise<void> {
    let message: Message;
    try {
      message = JSON.parse(String(event.data));
    } catch {
      return;
    }
    if (message.isReply) {
      const resolve = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      resolve?.(message.error ? undefined : message.payload);
      return;
    }
    const listener = this.listeners.get(message.type);
    let payload: unknown = null;
    if (listener) payload = await listener(message.payload);
    this.port.postMessage(JSON.stringify({ type: message.type, id: message.id, payload, error: null, isReply: true }));
  }

  send(type: string, payload: unknown = null, timeoutMs = 1500): Promise<unknown> {
    const id = this.nextId++;
    this.port.postMessage(JSON.stringify({ type, id, payload, error: null, isReply: false }));
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      window.setTimeout(() => {
        if (this.waiting.delete(id)) resolve(undefined);
      }, timeoutMs);
    });
  }

  listen(type: string, listener: Listener): void {
    this.listeners.set(type, listener);
  }
}

let channel: HostChannel | null = null;

function host(): HostChannel | null {
  if (window.parent === window) return null;
  channel ??= new HostChannel();
  return channel;
}

/**
 * Calls `callback` when TensorBoard's run list changes or TensorBoard reloads
 * its data (its reload button and auto-reload), so the panels refresh with it.
 * (TensorBoard 2.x hands plugins its run *list*, not the runs ticked in its
 * selector, so there is no selection to follow.)
 */
export function onHostReload(callback: () => void): void {
  const h = host();
  if (!h) return;
  for (const type of ["experimental.RunsChanged", "experimental.DataReloaded"]) {
    h.listen(type, () => {
      callback();
      return null;
    });
  }
}
