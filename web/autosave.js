// Saving a draft: debounced after each change, at once on request or when the page is left, with the
// version the editor started from so a save from elsewhere in between is a visible conflict (409), never
// a silent overwrite. Also measures active editing time: seconds with the page focused and input within
// the last 60 s (idle time beyond that does not count), reported per save as the seconds since the last one.
import { put, ApiError } from './api.js';

const DEBOUNCE_MS = 1500;
const IDLE_LIMIT_MS = 60000;
const RETRY_MS = 5000;

export class ActivityClock {
  constructor() {
    this.seconds = 0;
    this.last = 0;
    this.paused = false;
    const touch = () => { this.last = Date.now(); };
    ['keydown', 'input', 'pointerdown'].forEach((t) => document.addEventListener(t, touch, true));
    this.timer = setInterval(() => {
      if (!this.paused && document.hasFocus() && document.visibilityState === 'visible'
          && Date.now() - this.last <= IDLE_LIMIT_MS) {
        this.seconds++;
      }
    }, 1000);
  }

  /** Seconds not yet reported; `taken(n)` after a successful save subtracts what was sent. */
  get pending() {
    return this.seconds;
  }

  taken(n) {
    this.seconds = Math.max(0, this.seconds - n);
  }

  reset() {
    this.seconds = 0;
  }
}

const TEXT = {
  saved: 'Sparat',
  saving: 'Sparar …',
  unsaved: 'Ändringar ej sparade',
  conflict: 'Konflikt – anteckningen har ändrats från annat håll',
  error: 'Kunde inte spara – försöker igen',
  refused: 'Kunde inte spara'
};

export class Autosaver {
  /**
   * @param stateEl the save-state element
   * @param build async () => {noteId, body} or null when there is nothing to save yet (creates the draft
   *        when needed), or {waiting: text} when there is something but it cannot be saved yet; body has no
   *        version, which this adds
   * @param handlers onSaved(note), onConflict(error), onError(error)
   */
  constructor(stateEl, build, handlers) {
    this.stateEl = stateEl;
    this.build = build;
    this.h = handlers;
    this.version = null;
    this.generation = 0;     // bumps on every change
    this.savedGeneration = 0;
    this.running = null;
    this.timer = null;
    this.blocked = false;    // conflict: no automatic saves until the worker chose
    this.show('saved', 'Inget att spara');
  }

  show(state, text) {
    this.stateEl.dataset.state = state;
    this.stateEl.textContent = text || TEXT[state];
  }

  get dirty() {
    return this.generation !== this.savedGeneration;
  }

  /** Marks a change; saved after `delay` ms without further changes (default 1.5 s). */
  changed(delay = DEBOUNCE_MS) {
    this.generation++;
    if (this.blocked) return;
    this.show('unsaved');
    const due = Date.now() + delay;
    const pendingEarlier = this.timer && this.dueAt > Date.now() && this.dueAt < due;
    if (pendingEarlier && delay > DEBOUNCE_MS) return; // an earlier save is already on its way
    clearTimeout(this.timer);
    this.dueAt = due;
    this.timer = setTimeout(() => { this.timer = null; this.save(); }, delay);
  }

  /** Saves now (waits for a save in progress first). Resolves true when everything is saved. */
  async save(options = {}) {
    clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = 0;
    // One save at a time: every waiter re-checks after the running save, so two never share a version.
    while (this.running) {
      await this.running.catch(() => {});
    }
    if (!this.dirty) return true;
    if (this.blocked && !options.force) return false;
    this.running = this.run(options);
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  async run(options) {
    const generation = this.generation;
    this.show('saving');
    try {
      const job = await this.build();
      if (job && job.waiting) {
        this.show('unsaved', job.waiting); // stays dirty: saved by the next change or request
        return false;
      }
      if (!job) {
        this.savedGeneration = generation;
        this.show('saved', 'Inget att spara');
        return true;
      }
      const body = { ...job.body, version: this.version };
      this.lastSent = body;
      const note = await put('/api/notes/' + encodeURIComponent(job.noteId), body, { keepalive: !!options.keepalive });
      this.version = note.version;
      this.savedGeneration = generation;
      this.blocked = false;
      this.h.onSaved(note, job);
      if (this.dirty) {
        this.show('unsaved');
        this.timer = setTimeout(() => this.save(), DEBOUNCE_MS);
      } else {
        const time = new Date().toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
        this.show('saved', 'Sparat kl. ' + time);
      }
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        this.blocked = true;
        this.show('conflict');
        this.h.onConflict(e);
      } else {
        // only an outage is retried; a refusal (4xx) waits for the worker to change what the server named
        const retry = !(e instanceof ApiError) || e.status === 0 || e.status >= 500;
        this.show('error', (retry ? TEXT.error : TEXT.refused) + (e.message ? ': ' + e.message : ''));
        this.h.onError(e);
        if (retry) {
          this.timer = setTimeout(() => this.save(), RETRY_MS);
        }
      }
      return false;
    }
  }

  /** After the worker chose in a conflict: continue from `version`. */
  resolved(version, keepMine) {
    this.version = version;
    this.blocked = false;
    if (keepMine) {
      this.generation++;
      return this.save();
    }
    this.savedGeneration = this.generation;
    this.show('saved', 'Den sparade versionen är hämtad');
    return Promise.resolve(true);
  }

  stop() {
    clearTimeout(this.timer);
  }
}
