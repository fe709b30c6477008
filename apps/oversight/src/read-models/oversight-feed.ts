import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import { FED_CONTEXTS } from '../domain/event-facts.js';
import { feed } from './feed.js';

/** Follows every context's topic (oversight's own too: its supervision clocks and escalations). */
export const FEED_GROUP = 'oversight.feed';

@Injectable()
export class OversightFeed implements OnModuleInit {
  constructor(@InjectRuntime('oversight') private readonly runtime: ServiceRuntime) {}

  async onModuleInit(): Promise<void> {
    await this.runtime.subscribe({
      group: FEED_GROUP,
      contexts: [...FED_CONTEXTS],
      handle: (envelope, query) => feed(envelope, query, this.runtime.store),
    });
  }
}
