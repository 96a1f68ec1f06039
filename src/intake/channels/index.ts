import type { ChannelKind } from '../../cases/status.ts';
import type { ChannelAdapter } from '../types.ts';
import { emailAdapter } from './email/parse-email.ts';
import { formAdapter } from './form.ts';
import { phoneAdapter } from './phone.ts';
import { portalAdapter } from './portal.ts';
import { socialAdapter } from './social.ts';
import { whatsappAdapter } from './whatsapp.ts';

/**
 * Channel kind → adapter. Each channel turns what arrives into the same InboundMessage; the
 * chat, phone and social channels join this map as they are built.
 */
export const CHANNEL_ADAPTERS: Partial<Record<ChannelKind, ChannelAdapter<never>>> = {
  email: emailAdapter as ChannelAdapter<never>,
  web: formAdapter as ChannelAdapter<never>,
  phone: phoneAdapter as ChannelAdapter<never>,
  whatsapp: whatsappAdapter as ChannelAdapter<never>,
  social: socialAdapter as ChannelAdapter<never>,
  portal: portalAdapter as ChannelAdapter<never>,
};
