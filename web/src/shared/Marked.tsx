import { markedParts } from './format.ts';

/** A server snippet with <mark> hits, rendered as React nodes (never as HTML). */
export function Marked({ snippet }: { snippet: string }) {
  return (
    <>
      {markedParts(snippet).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
