import type { IntakeStep } from './step.ts';

/** Without an address, phone or handle nobody can be answered: refuse, do not guess. */
export const requireSender: IntakeStep = (m) => {
  const { email, phone, social } = m.from;
  if (email || phone || social) return m;
  return { drop: 'no usable sender address (From header and envelope sender missing or malformed)' };
};
