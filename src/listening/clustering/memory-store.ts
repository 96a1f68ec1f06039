/**
 * The clusterer's state in this process: tests, benchmarks, and a single-process install that
 * does not need topics to survive a restart. Mirrors what the PostgreSQL store keeps in tables:
 * term counts, topics, and the inverted index term → (topic, weight).
 */
import type { ClusterStore, Postings, TermSighting, TermStats, Topic, TopicId, TopicStat, NewTopic } from './types.ts';

/** Surface forms remembered per term; a new form replaces the rarest (the "space saving" count). */
const FORMS_PER_TERM = 3;

interface TermEntry {
  df: number;
  forms: string[];
  counts: number[];
}

export class MemoryClusterStore implements ClusterStore {
  private docs = 0;
  private seq = 0;
  private nextId = 1;
  private readonly terms = new Map<string, TermEntry>();
  private readonly topics = new Map<TopicId, Topic>();
  private readonly index = new Map<string, Map<TopicId, number>>();

  async addDocument(sightings: readonly TermSighting[]): Promise<TermStats> {
    this.docs += 1;
    this.seq += 1;
    const df = new Map<string, number>();
    for (const { term, surface } of sightings) {
      let e = this.terms.get(term);
      if (!e) this.terms.set(term, (e = { df: 0, forms: [], counts: [] }));
      e.df += 1;
      if (surface !== undefined) seeForm(e, surface);
      df.set(term, e.df);
    }
    return { docs: this.docs, seq: this.seq, df };
  }

  async termStats(terms: readonly string[]): Promise<TermStats> {
    const df = new Map<string, number>();
    for (const t of terms) {
      const e = this.terms.get(t);
      if (e) df.set(t, e.df);
    }
    return { docs: this.docs, seq: this.seq, df };
  }

  async candidates(terms: readonly string[]): Promise<Postings> {
    const out = new Map<string, ReadonlyMap<TopicId, number>>();
    for (const term of terms) {
      const topics = this.index.get(term);
      if (topics) out.set(term, topics);
    }
    return out;
  }

  async loadTopics(ids: readonly TopicId[]): Promise<Topic[]> {
    const out: Topic[] = [];
    for (const id of ids) {
      const t = this.topics.get(id);
      if (t) out.push(t);
    }
    return out;
  }

  async saveTopic(topic: Topic | NewTopic): Promise<TopicId> {
    const id = topic.id ?? String(this.nextId++);
    const old = this.topics.get(id);
    if (old) for (const term of old.centroid.keys()) if (!topic.centroid.has(term)) this.unindex(term, id);
    const saved: Topic = { ...topic, id };
    this.topics.set(id, saved);
    for (const [term, w] of saved.centroid) {
      let postings = this.index.get(term);
      if (!postings) this.index.set(term, (postings = new Map()));
      postings.set(id, saved.norm > 0 ? w / saved.norm : 0);
    }
    return id;
  }

  async surfaces(terms: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const t of terms) {
      const e = this.terms.get(t);
      if (!e || e.forms.length === 0) continue;
      let best = 0;
      for (let i = 1; i < e.counts.length; i++) if (e.counts[i] > e.counts[best]) best = i;
      out.set(t, e.forms[best]);
    }
    return out;
  }

  async decay(factor: number, minDf: number, maxTerms: number): Promise<number> {
    this.docs *= factor;
    let forgotten = 0;
    for (const [term, e] of this.terms) {
      e.df *= factor;
      if (e.df < minDf) {
        this.terms.delete(term);
        forgotten++;
      }
    }
    if (this.terms.size > maxTerms) {
      const rarest = [...this.terms].sort((a, b) => a[1].df - b[1].df).slice(0, this.terms.size - maxTerms);
      for (const [term] of rarest) this.terms.delete(term);
      forgotten += rarest.length;
    }
    return forgotten;
  }

  async topicStats(): Promise<TopicStat[]> {
    return [...this.topics.values()].map((t) => ({ id: t.id, size: t.size, lastSeq: t.lastSeq, named: t.name !== null }));
  }

  async retireTopics(ids: readonly TopicId[]): Promise<void> {
    for (const id of ids) {
      const t = this.topics.get(id);
      if (!t) continue;
      for (const term of t.centroid.keys()) this.unindex(term, id);
      this.topics.delete(id);
    }
  }

  /** Sizes of what is held, for benchmarks and tests. */
  counts() {
    let postings = 0;
    for (const p of this.index.values()) postings += p.size;
    return { terms: this.terms.size, topics: this.topics.size, indexTerms: this.index.size, postings, docs: this.docs, seq: this.seq };
  }

  private unindex(term: string, id: TopicId) {
    const postings = this.index.get(term);
    if (!postings) return;
    postings.delete(id);
    if (postings.size === 0) this.index.delete(term);
  }
}

function seeForm(e: TermEntry, form: string) {
  const i = e.forms.indexOf(form);
  if (i >= 0) {
    e.counts[i]++;
  } else if (e.forms.length < FORMS_PER_TERM) {
    e.forms.push(form);
    e.counts.push(1);
  } else {
    let min = 0;
    for (let j = 1; j < e.counts.length; j++) if (e.counts[j] < e.counts[min]) min = j;
    e.forms[min] = form;
    e.counts[min]++;
  }
}
