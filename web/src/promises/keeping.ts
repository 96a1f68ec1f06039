import type { KeepingAction, PromiseKind } from '../shared/types.ts';

/** The action that keeps a promise of each kind; answers and updates are kept by the reply itself. */
export const KEEPS: Partial<Record<PromiseKind, KeepingAction>> = {
  callback: 'callback_logged',
  appointment_window: 'appointment_kept',
  refund_by: 'refund_paid',
  custom: 'done',
};

export const PROMISE_KINDS: readonly PromiseKind[] = ['callback', 'answer_by', 'refund_by', 'next_update_by', 'appointment_window', 'custom'];

/** A `datetime-local` value (the browser's own zone) as ISO 8601 for the API. */
export const localToIso = (value: string) => new Date(value).toISOString();
