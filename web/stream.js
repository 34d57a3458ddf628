// Live transcription over the WebSocket /api/asr/stream (docs/api.md). Never loses a word: every frame
// stays in memory until the server acknowledges it; when the socket drops, capture goes on, the stream
// reconnects with `resumeFrom` (the last ack) and the same draft, and re-sends what was not acknowledged.
// Finals are "pending" until acknowledged; pending finals are dropped at a reconnect, because the
// re-sent audio produces them again.
import { csrfToken, get } from './api.js';

const FRAME_SECONDS = 0.1;

const CLOSE_TEXT = {
  1013: 'Alla platser för taligenkänning är upptagna just nu.',
  1009: 'En ljudram var för stor.',
  1011: 'Ett fel uppstod på servern.'
};

export class AsrStream {
  /**
   * @param noteId the draft the text goes into
   * @param handlers onPartial(text), onFinal(final) (pending), onCommit(final), onDrop() (pending finals
   *        dropped), onState(state, message): 'connecting'|'open'|'storage-waiting'|'reconnecting'|'closed'|'failed'
   */
  constructor(noteId, handlers) {
    this.noteId = noteId;
    this.h = handlers;
    this.frames = [];          // [{seq, data}] not yet acknowledged, in order
    this.nextSeq = 0;          // seq of the last frame taken
    this.lastAck = 0;
    this.pending = [];         // finals not yet acknowledged
    this.ws = null;
    this.started = false;      // the current socket has sent its start message
    this.opened = false;       // a socket of this recording has been opened before
    this.finishing = null;     // {resolve, reject} once finish() was called
    this.closedForGood = false;
    this.attempt = 0;
    this.timeBase = 0;         // audio seconds before the current connection (word times restart per connection)
    this.lastError = '';
  }

  begin() {
    this.connect(false);
  }

  /** Takes one frame of 16-bit PCM (an ArrayBuffer) and sends it when the socket is open. */
  send(data) {
    const frame = { seq: ++this.nextSeq, data };
    this.frames.push(frame);
    if (this.ws && this.started && this.ws.readyState === WebSocket.OPEN) this.ws.send(data);
  }

  /** Frames not yet acknowledged (for the page to show how much waits). */
  get unacked() {
    return this.frames.length;
  }

  /** Asks the server to finish; resolves with its `done` message once every frame is acknowledged. */
  finish() {
    return new Promise((resolve, reject) => {
      this.finishing = { resolve, reject };
      if (this.ws && this.started && this.ws.readyState === WebSocket.OPEN) {
        this.ws.send(JSON.stringify({ type: 'stop' }));
      }
    });
  }

  /** Closes without finishing (sign-out, leaving the page). Unacknowledged frames are dropped. */
  abort() {
    this.closedForGood = true;
    clearTimeout(this.retryTimer);
    if (this.ws) this.ws.close(1000);
    this.frames = [];
    this.pending = [];
  }

  connect(reconnecting) {
    if (this.closedForGood) return;
    this.h.onState(reconnecting ? 'reconnecting' : 'connecting', reconnecting ? this.reason : '');
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/asr/stream';
    let ws;
    try {
      ws = new WebSocket(url);
    } catch (e) {
      this.retry('Anslutningen kunde inte öppnas.');
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.started = false;
    this.lastError = '';
    ws.onopen = () => {
      this.timeBase = this.lastAck * FRAME_SECONDS;
      // The socket cannot carry the CSRF header, so the start message carries the token.
      const start = { type: 'start', sampleRate: 16000, noteId: this.noteId, csrf: csrfToken() };
      // A reconnect always names the last ack (even 0): without resumeFrom the server starts a new recording.
      if (this.opened) start.resumeFrom = this.lastAck;
      this.opened = true;
      ws.send(JSON.stringify(start));
      this.started = true;
      // Whatever was not acknowledged goes again, in order: the server numbers from resumeFrom + 1.
      if (this.pending.length) {
        this.pending = [];
        this.h.onDrop();
      }
      for (const f of this.frames) ws.send(f.data);
      if (this.finishing) ws.send(JSON.stringify({ type: 'stop' }));
      this.attempt = 0;
      this.h.onState('open', '');
    };
    ws.onmessage = (e) => {
      if (typeof e.data !== 'string') return;
      let msg;
      try { msg = JSON.parse(e.data); } catch (err) { return; }
      this.onMessage(msg);
    };
    ws.onclose = (e) => this.onClose(ws, e);
  }

  onMessage(msg) {
    switch (msg.type) {
      case 'partial':
        this.h.onPartial(msg.text || '');
        break;
      case 'final': {
        const words = (msg.words || []).map((w) => ({
          ...w, start: w.start + this.timeBase, end: w.end + this.timeBase
        }));
        const final = { text: msg.text || '', words, seq: msg.seq };
        if (final.seq !== undefined && final.seq <= this.lastAck) {
          this.h.onCommit(final);
        } else {
          this.pending.push(final);
          this.h.onFinal(final);
        }
        this.h.onPartial('');
        break;
      }
      case 'ack':
        this.acknowledge(msg.seq);
        break;
      case 'storage':
        // The server cannot store text just now (its database is away): it holds back acks and stops
        // reading, so the audio waits here in memory; 'ok' when it stores again.
        this.h.onState(msg.state === 'waiting' ? 'storage-waiting' : 'open', '');
        break;
      case 'error':
        this.lastError = msg.error || '';
        break;
      case 'done':
        this.acknowledge(this.nextSeq);
        this.closedForGood = true;
        this.h.onState('closed', '');
        if (this.finishing) this.finishing.resolve(msg);
        break;
      default:
    }
  }

  acknowledge(seq) {
    if (typeof seq !== 'number' || seq <= this.lastAck) return;
    this.lastAck = seq;
    while (this.frames.length && this.frames[0].seq <= seq) this.frames.shift();
    const committed = this.pending.filter((f) => f.seq === undefined || f.seq <= seq);
    this.pending = this.pending.filter((f) => !(f.seq === undefined || f.seq <= seq));
    committed.forEach((f) => this.h.onCommit(f));
  }

  onClose(ws, e) {
    if (ws !== this.ws || this.closedForGood) return;
    this.started = false;
    if (e.code === 1008 || e.code === 1009) {
      // The server refused what we sent: trying again would fail the same way.
      this.closedForGood = true;
      const message = this.lastError || CLOSE_TEXT[e.code] || 'Servern avbröt dikteringen.';
      this.h.onState('failed', message);
      if (this.finishing) this.finishing.reject(new Error(message));
      return;
    }
    this.retry((e.code === 1013 && this.lastError) || CLOSE_TEXT[e.code] || this.lastError
      || 'Anslutningen till servern bröts.');
  }

  retry(reason) {
    this.reason = reason;
    this.h.onState('reconnecting', reason);
    const delay = Math.min(10000, 500 * 2 ** Math.min(this.attempt, 5));
    this.attempt++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(async () => {
      // A refused upgrade gives no status: check the session (401 opens the sign-in dialog) first.
      try {
        await get('/api/me');
      } catch (e) {
        if (!this.closedForGood) this.retry(this.reason);
        return;
      }
      this.connect(true);
    }, delay);
  }
}
