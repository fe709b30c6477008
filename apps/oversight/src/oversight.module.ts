import { Module } from '@nestjs/common';
import { EventSourcingModule, type ServiceDescriptor } from '@pingan/platform';
import { BoardController } from './board/board.controller.js';
import { BoardService } from './board/board.service.js';
import { oversightClocksFor } from './domain/clocks.js';
import { OVERSIGHT_DEADLINE_RULES } from './domain/deadline-rules.js';
import { InboxController } from './inbox/inbox.controller.js';
import { InboxService } from './inbox/inbox.service.js';
import { oversightMigrations } from './migrations/index.js';
import { OversightFeed } from './read-models/oversight-feed.js';
import { supervisionsProjection } from './read-models/supervisions.projection.js';
import { StatisticsController } from './statistics/statistics.controller.js';
import { StatisticsService } from './statistics/statistics.service.js';
import { SupervisionController } from './supervision/supervision.controller.js';
import { SupervisionService } from './supervision/supervision.service.js';
import { TimelineController } from './timeline/timeline.controller.js';
import { TimelineService } from './timeline/timeline.service.js';

export const OVERSIGHT_SERVICE: ServiceDescriptor = {
  name: 'oversight',
  description: 'Health-commission escalation inbox, deadline board, cross-case timeline, statistics',
};

/**
 * The oversight bounded context. It relies on what an app root provides (the database, config,
 * logging) but imports no infrastructure itself, so standalone can compose it with the others.
 * It reads every context's events (read-models/feed.ts) and owns supervisions (督办) and the
 * escalation of breached clocks (BreachEscalated).
 */
@Module({
  imports: [
    EventSourcingModule.forService({
      context: 'oversight',
      migrations: oversightMigrations,
      projections: [supervisionsProjection],
      deadlines: { rules: OVERSIGHT_DEADLINE_RULES, clocksFor: oversightClocksFor },
    }),
  ],
  controllers: [TimelineController, BoardController, InboxController, SupervisionController, StatisticsController],
  providers: [OversightFeed, TimelineService, BoardService, InboxService, SupervisionService, StatisticsService],
})
export class OversightModule {}
