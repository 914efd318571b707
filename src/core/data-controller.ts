import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type DataStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Loads one piece of data for an element: aborts the request in flight when the key changes or
 * the element leaves the page, ignores stale answers, and keeps the last error for the UI.
 */
export class DataController<T> implements ReactiveController {
  status: DataStatus = 'idle';
  value?: T;
  error?: unknown;
  private readonly host: ReactiveControllerHost;
  private readonly load: (signal: AbortSignal) => Promise<T>;
  private readonly onError?: (error: unknown) => void;
  private inFlight?: AbortController;

  constructor(host: ReactiveControllerHost, load: (signal: AbortSignal) => Promise<T>, onError?: (error: unknown) => void) {
    this.host = host;
    this.load = load;
    this.onError = onError;
    host.addController(this);
  }

  /** Starts (or restarts) loading; resolves when this run settles, stale runs are dropped. */
  async run(): Promise<void> {
    this.inFlight?.abort();
    const controller = (this.inFlight = new AbortController());
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const value = await this.load(controller.signal);
      if (controller !== this.inFlight) return;
      this.value = value;
      this.status = 'ready';
    } catch (error) {
      if (controller !== this.inFlight || controller.signal.aborted) return;
      this.error = error;
      this.status = 'error';
      this.onError?.(error);
    }
    this.inFlight = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.inFlight) {
      this.inFlight.abort();
      this.inFlight = undefined;
      // Coming back to the page starts over rather than waiting on an aborted request.
      if (this.status === 'loading') this.status = 'idle';
    }
  }
}
