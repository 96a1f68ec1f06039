import { formatDateTime, formatRelative } from './format.ts';

/** A time as "3 uur geleden", with the exact date and time for hover and assistive technology. */
export function Time({ iso, exact = false }: { iso: string; exact?: boolean }) {
  const full = formatDateTime(iso);
  return (
    <time dateTime={iso} title={full}>
      {exact ? full : formatRelative(iso)}
    </time>
  );
}
