import { Injectable } from '@nestjs/common';
import type { LiveEvent } from '@anchored/jobs';

/** This process's listeners of live events (each open subscription is one). */
@Injectable()
export class LocalLiveBus {
  private readonly listeners = new Set<(event: LiveEvent) => void>();

  listen(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: LiveEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One subscriber's failure is not another's.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
