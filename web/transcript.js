// The dictated text as the page holds it: what the draft already has (base) plus this recording's finals,
// acknowledged or still pending. Pending finals disappear at a reconnect, because the re-sent audio
// produces them again; after a recording the draft's own transcript replaces everything.
import { el, replace } from './ui.js';

export class Transcript {
  constructor(box) {
    this.box = box;
    this.clear();
  }

  clear() {
    this.base = { text: '', words: [] };
    this.segments = [];
    this.render();
  }

  /** Replaces everything with the draft's stored transcript and words. */
  set(text, words) {
    this.base = { text: text || '', words: words || [] };
    this.segments = [];
    this.render();
  }

  /** Appends text (an upload), shifting its word times to follow what is there, after a pause. */
  append(text, words) {
    const before = this.now();
    const offset = before.words.length ? before.words[before.words.length - 1].end + 2 : 0;
    this.set([before.text, text || ''].filter((t) => t.trim()).join(' '),
      [...before.words, ...(words || []).map((w) => ({ ...w, start: w.start + offset, end: w.end + offset }))]);
  }

  pending(final) {
    this.segments.push({ ...final, committed: false });
    this.render();
  }

  committed(final) {
    const seg = this.segments.find((s) => s.seq === final.seq && !s.committed);
    if (seg) seg.committed = true;
    else this.segments.push({ ...final, committed: true });
    this.render();
  }

  dropPending() {
    this.segments = this.segments.filter((s) => s.committed);
    this.render();
  }

  /** {text, words}: everything so far, in order. */
  now() {
    const parts = [this.base.text, ...this.segments.map((s) => s.text)].filter((t) => t && t.trim());
    return { text: parts.join(' '), words: [...this.base.words, ...this.segments.flatMap((s) => s.words)] };
  }

  render() {
    replace(this.box, this.base.text ? this.base.text + ' ' : '',
      this.segments.map((s) => el('span', { class: s.committed ? '' : 'muted' }, s.text + ' ')));
    this.box.scrollTop = this.box.scrollHeight;
  }
}
