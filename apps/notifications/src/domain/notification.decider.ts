import type { NotificationAcknowledgedData, NotificationEvent } from '@pingan/contracts';
import type { Decider } from '@pingan/event-store';
import type { Command } from '@pingan/platform';

/**
 * A notification's history: the one thing worth an event is that somebody acknowledged it (it
 * enters the case's history). Whether the caller may is an access question answered before.
 */
export type NotificationCommand = Command<'AcknowledgeNotification', Omit<NotificationAcknowledgedData, 'acknowledgedAt'>>;

export type NotificationState = { acknowledged: false } | { acknowledged: true; by: string; at: string };

export const notificationDecider: Decider<NotificationCommand, NotificationEvent, NotificationState> = {
  initialState: () => ({ acknowledged: false }),

  decide(command, state) {
    switch (command.type) {
      case 'AcknowledgeNotification':
        // Acknowledged once; a second acknowledgement (another member, a double click) records nothing new.
        if (state.acknowledged) return [];
        return [{ type: 'NotificationAcknowledged', data: { ...command.data, acknowledgedAt: command.metadata.now.toISOString() } }];
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'NotificationAcknowledged':
        return state.acknowledged ? state : { acknowledged: true, by: '', at: event.data.acknowledgedAt };
      default:
        return state;
    }
  },
};
