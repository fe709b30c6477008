import { Module } from '@nestjs/common';
import { EventSourcingModule, type ServiceDescriptor } from '@pingan/platform';
import { BoardController } from './board/board.controller.js';
import { ListDeadlinesHandler } from './board/list-deadlines.query.js';
import { oversightClocksFor } from './domain/clocks.js';
import { OVERSIGHT_DEADLINE_RULES } from './domain/deadline-rules.js';
import { InboxController } from './inbox/inbox.controller.js';
import { ListInboxHandler } from './inbox/list-inbox.query.js';
import { OversightNames } from './export/names.js';
import { OversightFont } from './export/pdf-font.js';
import { oversightMigrations } from './migrations/index.js';
import { OversightFeed } from './read-models/oversight-feed.js';
import { supervisionsProjection } from './read-models/supervisions.projection.js';
import { StatisticsController } from './statistics/statistics.controller.js';
import { HealthMonthlyHandler, PoliceMonthlyHandler, StatisticsHandler } from './statistics/statistics.query.js';
import { SupervisionController } from './supervision/supervision.controller.js';
import { StartSupervisionHandler } from './supervision/commands/start-supervision.js';
import { SupervisionCommandHandler } from './supervision/commands/supervision-command.js';
import { GetSupervisionHandler, ListSupervisionsHandler } from './supervision/queries/supervisions.js';
import { TimelineController } from './timeline/timeline.controller.js';
import { TimelineHandler } from './timeline/timeline.query.js';

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
      // Exports name organisations (hospitals, units, the issuing body) from the directory's copy.
      directory: true,
    }),
  ],
  controllers: [TimelineController, BoardController, InboxController, SupervisionController, StatisticsController],
  providers: [
    OversightFeed,
    SupervisionCommandHandler,
    StartSupervisionHandler,
    ListSupervisionsHandler,
    GetSupervisionHandler,
    TimelineHandler,
    ListDeadlinesHandler,
    ListInboxHandler,
    StatisticsHandler,
    HealthMonthlyHandler,
    PoliceMonthlyHandler,
    OversightNames,
    OversightFont,
  ],
})
export class OversightModule {}
