import type { InboundMessage } from '../types.ts';

/** One step of the intake pipeline: refines the message, or drops it with a reason a person can read. */
export type IntakeStep = (m: InboundMessage) => InboundMessage | { drop: string } | Promise<InboundMessage | { drop: string }>;

export const isDrop = (r: InboundMessage | { drop: string }): r is { drop: string } => 'drop' in r;
