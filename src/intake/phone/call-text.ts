import type { CallEvent } from '../channels/phone.ts';

/** "4 min 12 s" / "45 s" */
export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m} min${s ? ` ${s} s` : ''}` : `${s} s`;
}

/** The timeline entry of a call, in the caller's language: what happened, with whom, how long, the recording. */
export function callText(e: CallEvent, language: 'nl' | 'en', phone: string): { subject: string; body: string } {
  const nl = language === 'nl';
  const inbound = e.direction === 'inbound';
  const lines: string[] = [];
  let subject: string;
  switch (e.type) {
    case 'call.missed':
      subject = nl ? 'Gemiste oproep' : 'Missed call';
      lines.push(inbound
        ? (nl ? `Gemiste oproep van ${phone}. We bellen terug.` : `Missed call from ${phone}. We will call back.`)
        : (nl ? `${phone} nam niet op.` : `${phone} did not answer.`));
      break;
    case 'callback.requested':
      subject = nl ? 'Terugbelverzoek' : 'Callback request';
      lines.push(nl ? `Terugbelverzoek via de telefoon, op ${phone}.` : `Callback requested by phone, on ${phone}.`);
      break;
    default:
      subject = nl ? 'Telefoongesprek' : 'Phone call';
      lines.push(inbound
        ? (nl ? `Gesprek met ${phone} (inkomend)` : `Call with ${phone} (inbound)`)
        : (nl ? `Gesprek met ${phone} (uitgaand)` : `Call with ${phone} (outbound)`));
      if (e.duration_seconds !== undefined) lines[0] += nl ? `, duur ${formatDuration(e.duration_seconds)}.` : `, ${formatDuration(e.duration_seconds)}.`;
      else lines[0] += '.';
  }
  if (e.recording_url) lines.push(nl ? `Opname: ${e.recording_url}` : `Recording: ${e.recording_url}`);
  if (e.note?.trim()) lines.push('', e.note.trim());
  return { subject, body: lines.join('\n') };
}
