// /diktera: choose case and template, dictate (or upload, or type), correct the structured note, save and
// sign. Everything secret (transcript, note text, audio frames) lives only in this module's memory and
// is dropped at sign-out.
import { startPage, onSignOut } from './shell.js';
import { get, post, ApiError } from './api.js';
import { el, replace, banner, clearBanners, errorSummary, formatClock, STATUS_TEXT } from './ui.js';
import { SectionEditor } from './editor.js';
import { Autosaver, ActivityClock } from './autosave.js';
import { Microphone } from './capture.js';
import { AsrStream } from './stream.js';
import { Transcript } from './transcript.js';
import { transcribeWav } from './upload.js';

const $ = (id) => document.getElementById(id);
const me = await startPage({ roles: ['worker', 'manager'], title: 'Diktera' });

const page = {
  templates: [],
  note: null,              // {id, status, version}
  mode: 'typed',           // becomes 'dictated' with the first recording or upload (the server decides in the end)
  asrReady: false,
  uploaded: false,         // transcript changed by an upload: the next save sends it
  audioSeconds: 0,
  recording: null,         // {mic, stream, started, timer}
  recordedSeconds: 0,
  structureRunning: false,
  structureAgain: false,
  dropped: false           // signed out: everything is gone, nothing left to keep
};
let editor;
let transcript;
let saver;
let activity;

if (me) await init();

async function init() {
  transcript = new Transcript($('transcript'));
  editor = new SectionEditor($('sections'), { onEdit: () => saver.changed(), removedBox: $('removed') });
  activity = new ActivityClock();
  saver = new Autosaver($('save-state'), buildSave, {
    onSaved: (note, job) => {
      activity.taken(job.editSeconds);
      page.uploaded = page.uploaded && !job.body.transcript;
      page.audioSeconds = note.metrics ? note.metrics.audioSeconds : page.audioSeconds;
    },
    onConflict: showConflict,
    onError: () => {}
  });
  $('event-date').value = new Date().toLocaleDateString('sv-SE');
  $('event-date').max = $('event-date').value; // a contact documented has happened: the server refuses later dates
  $('record').addEventListener('click', toggleRecording);
  $('structure').addEventListener('click', () => structure(true));
  $('save').addEventListener('click', () => saver.save({ force: false }));
  $('sign').addEventListener('click', askSign);
  $('confirm-sign').addEventListener('click', sign);
  $('cancel-sign').addEventListener('click', () => $('sign-dialog').close());
  $('typed-mode').addEventListener('click', () => setTyped(!$('typed-mode').dataset.on));
  $('upload').addEventListener('change', uploadFile);
  $('template-select').addEventListener('change', changeTemplate);
  $('event-date').addEventListener('change', () => saver.changed());
  $('case-select').addEventListener('change', () => { if (saver.dirty) saver.changed(); });
  document.addEventListener('keydown', shortcuts);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && saver.dirty) saver.save({ keepalive: true });
  });
  window.addEventListener('pagehide', () => { if (saver.dirty) saver.save({ keepalive: true }); });
  // Typed text with no case chosen cannot be saved on the way out: let the browser ask before it is lost.
  window.addEventListener('beforeunload', (ev) => {
    if (!page.note && !$('case-select').value && saver.dirty && !page.dropped && !editor.isEmpty()) ev.preventDefault();
  });
  onSignOut(dropEverything);

  const params = new URLSearchParams(location.search);
  try {
    const [cases, templates] = await Promise.all([get('/api/cases'), get('/api/templates')]);
    page.templates = templates.templates;
    fillSelect($('case-select'), cases.cases.map((c) => [c.id, c.id + ' – ' + c.title]), 'Välj ärende …');
    fillSelect($('template-select'), page.templates.map((t) => [t.id, t.title]));
    $('template-select').value = page.templates.some((t) => t.id === 'journalanteckning')
      ? 'journalanteckning' : page.templates[0].id;
    if (params.get('case')) $('case-select').value = params.get('case');
    editor.setTemplate(currentTemplate());
    if (params.get('note')) await loadNote(params.get('note'));
  } catch (e) {
    banner(e.message, 'error');
  }
  checkAsr();
}

function fillSelect(select, options, placeholder) {
  replace(select, placeholder ? el('option', { value: '' }, placeholder) : null,
    options.map(([value, text]) => el('option', { value }, text)));
}

function currentTemplate() {
  return page.templates.find((t) => t.id === $('template-select').value) || page.templates[0];
}

async function loadNote(id) {
  const note = await get('/api/notes/' + encodeURIComponent(id));
  if (note.status === 'signed') {
    location.replace('/anteckning/' + encodeURIComponent(note.id));
    return;
  }
  if (![...$('case-select').options].some((o) => o.value === note.caseId)) {
    $('case-select').appendChild(el('option', { value: note.caseId }, note.caseId));
  }
  $('case-select').value = note.caseId;
  $('template-select').value = note.template;
  $('event-date').value = note.eventDate;
  editor.setTemplate(currentTemplate());
  editor.setValues(note.sections);
  transcript.set(note.transcript, note.words);
  page.mode = note.metrics.mode;
  page.audioSeconds = note.metrics.audioSeconds;
  adopt(note);
  if (note.transcript && editor.isEmpty()) structure(false);
}

/** The page now edits this draft: selects lock, the URL names it, save and sign work on it. */
function adopt(note) {
  page.note = { id: note.id, status: note.status };
  saver.version = note.version;
  $('case-select').disabled = true;
  $('template-select').disabled = true;
  $('new-note-row').hidden = false;
  history.replaceState(null, '', '/diktera?case=' + encodeURIComponent(note.caseId)
    + '&note=' + encodeURIComponent(note.id));
  setStatus(note.status);
}

function setStatus(status) {
  const tag = $('note-status');
  tag.dataset.state = status;
  tag.className = 'tag tag--' + status;
  tag.textContent = page.note ? STATUS_TEXT[status] : 'Nytt utkast';
}

function requireCase() {
  const select = $('case-select');
  if (select.value) {
    errorSummary($('main'), []);
    return true;
  }
  errorSummary($('main'), [{ message: 'Välj ett ärende först.', field: select }]);
  return false;
}

/** Creates the draft when the page has none yet. */
async function ensureDraft(mode) {
  if (page.note) return page.note;
  const note = await post('/api/notes', {
    caseId: $('case-select').value,
    template: currentTemplate().id,
    eventDate: $('event-date').value || undefined,
    sections: editor.values(),
    metrics: { mode, audioSeconds: 0, editSeconds: 0 }
  });
  page.mode = mode;
  adopt(note);
  return page.note;
}

async function buildSave() {
  if (page.note && page.note.status === 'signed') return null;
  if (!page.note) {
    if (editor.isEmpty()) return null;
    // Text without a case has nowhere to go yet: say so (never "saved"), and save once a case is chosen.
    if (!$('case-select').value) return { waiting: 'Inte sparat – välj ett ärende så sparas texten' };
    await ensureDraft(page.mode);
  }
  const editSeconds = activity.pending;
  const body = {
    sections: editor.values(),
    metrics: { mode: page.mode, audioSeconds: page.audioSeconds, editSeconds }
  };
  if ($('event-date').value) body.eventDate = $('event-date').value;
  const proposal = editor.proposalText();
  if (proposal) body.proposal = proposal;
  if (page.uploaded) {
    const t = transcript.now();
    body.transcript = t.text;
    body.words = t.words;
  }
  return { noteId: page.note.id, body, editSeconds };
}

// ---- Transcript and structuring ----

let structureTimer = null;
function structureSoon() {
  clearTimeout(structureTimer);
  structureTimer = setTimeout(() => structure(false), 600);
}

async function structure(onDemand) {
  const t = transcript.now();
  if (!t.text.trim()) {
    if (onDemand) banner('Det finns ingen dikterad text att strukturera ännu.', 'info');
    return;
  }
  if (page.structureRunning) {
    page.structureAgain = true;
    return;
  }
  page.structureRunning = true;
  try {
    const body = { text: t.text, template: currentTemplate().id };
    const wordsUsable = t.words.length === t.text.split(/\s+/).filter((w) => w).length
      && t.words.every((w, i) => i === 0 || w.start >= t.words[i - 1].start - 0.01);
    if (wordsUsable) body.words = t.words.map((w) => ({ word: w.word, start: w.start, end: w.end }));
    let result;
    try {
      result = await post('/api/structure', body);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 400 || !body.words) throw e;
      delete body.words;
      result = await post('/api/structure', body);
    }
    // While dictating, the transcript is already safe in the draft: proposals are saved less often, so the
    // version history holds the worker's steps rather than one version per utterance.
    if (editor.applyStructure(result, t.words)) saver.changed(page.recording ? 15000 : undefined);
    // A warning from an earlier attempt (say, while the server restarted) is no longer true.
    if (page.structureWarning) page.structureWarning.remove();
    page.structureWarning = null;
  } catch (e) {
    if (page.structureWarning) page.structureWarning.remove();
    page.structureWarning = banner('Texten kunde inte struktureras: ' + e.message, 'warning',
      { testid: 'structure-warning' });
  } finally {
    page.structureRunning = false;
    if (page.structureAgain) {
      page.structureAgain = false;
      structure(false);
    }
  }
}

function changeTemplate() {
  const values = editor.values();
  editor.setTemplate(currentTemplate());
  editor.setValues(values);
  structureSoon();
}

// ---- Recording ----

function setRecState(state, text) {
  const node = $('rec-state');
  node.dataset.state = state;
  node.textContent = text;
}

function shortcuts(e) {
  if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyR' || e.key === 'r' || e.key === 'R')) {
    e.preventDefault();
    if (!$('record').disabled) toggleRecording();
  } else if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S')) {
    e.preventDefault();
    saver.save();
  }
}

async function toggleRecording() {
  if (page.recording) await stopRecording();
  else await startRecording();
}

async function startRecording() {
  if (!requireCase() || !page.asrReady || (page.note && page.note.status === 'signed')) return;
  const button = $('record');
  button.disabled = true;
  try {
    const note = await ensureDraft('dictated');
    await saver.save();
    page.mode = 'dictated';
    const stream = new AsrStream(note.id, {
      onPartial: (text) => { $('partial').textContent = text; },
      onFinal: (f) => { transcript.pending(f); structureSoon(); },
      onCommit: (f) => transcript.committed(f),
      onDrop: () => transcript.dropPending(),
      onState: streamState
    });
    const mic = new Microphone({ onFrame: (pcm) => stream.send(pcm), onLevel: showLevel });
    const rec = { mic, stream, started: Date.now(), timer: null, capturing: false, streamState: null };
    page.recording = rec;
    // data-state stays within the page contract (idle|recording|...): not recording until the audio flows.
    setRecState('idle', 'Startar mikrofonen …');
    stream.begin();
    try {
      await mic.start();
    } catch (e) {
      stream.abort();
      page.recording = null;
      banner(e.message, 'error');
      setRecState('idle', 'Redo att spela in');
      return;
    }
    if (page.recording !== rec) { // the stream failed meanwhile (its banner says why)
      await mic.stop().catch(() => {});
      return;
    }
    activity.paused = true;
    button.setAttribute('aria-pressed', 'true');
    button.textContent = 'Stoppa inspelningen';
    // Only now does the microphone's audio reach the stream: "Spelar in" before this (say, when the socket
    // opened first) would let the user start speaking into nothing and lose the first words.
    rec.capturing = true;
    const s = rec.streamState;
    if (s && s.state !== 'connecting') streamState(s.state, s.message);
    else setRecState('recording', 'Spelar in');
    rec.timer = setInterval(tickClock, 250);
  } catch (e) {
    banner(e.message, 'error');
  } finally {
    button.disabled = false;
    // Locking the selects (or the disabled toggle) can drop a keyboard user's focus: keep it on the toggle.
    if (document.activeElement === document.body || document.activeElement.disabled) button.focus();
  }
}

function tickClock() {
  if (!page.recording) return;
  $('clock').textContent = formatClock(page.recordedSeconds + (Date.now() - page.recording.started) / 1000);
  // While reconnecting, how much audio waits (in 5 s steps, so a screen reader is not flooded).
  const waiting = Math.floor(page.recording.stream.unacked / 50) * 5;
  if ($('rec-state').dataset.state === 'reconnecting' && waiting !== page.recording.waiting) {
    page.recording.waiting = waiting;
    setRecState('reconnecting', 'Återansluter … inspelningen fortsätter, ' + waiting
      + ' s ljud väntar och skickas när anslutningen är tillbaka. ' + (page.recording.reason || ''));
  }
}

function showLevel(level) {
  $('level').style.width = Math.round(level * 100) + '%';
}

function streamState(state, message) {
  if (!page.recording) return;
  page.recording.streamState = { state, message };
  if (!page.recording.capturing && state !== 'failed') return; // startRecording shows it once capture runs
  if (state === 'reconnecting') {
    page.recording.reason = message || '';
    page.recording.waiting = undefined;
    setRecState('reconnecting', 'Återansluter … inspelningen fortsätter. ' + (message || ''));
  } else if (state === 'open' && !page.recording.stopping) {
    setRecState('recording', 'Spelar in');
  } else if (state === 'storage-waiting' && !page.recording.stopping) {
    setRecState('recording', 'Spelar in – servern kan inte spara just nu. Ljudet väntar här och skickas '
      + 'när servern kan spara igen.');
  } else if (state === 'failed') {
    banner(message, 'error');
    const mic = page.recording.mic;
    finishLocally();
    // The microphone must not stay open (and its indicator lit) behind a stream that has ended.
    mic.stop().catch(() => {});
  }
}

async function stopRecording() {
  const rec = page.recording;
  if (!rec || rec.stopping) return;
  rec.stopping = true;
  const button = $('record');
  button.disabled = true;
  button.setAttribute('aria-pressed', 'false');
  button.textContent = 'Starta inspelning';
  setRecState('stopped', 'Avslutar – väntar på den sista texten …');
  await rec.mic.stop();
  try {
    await rec.stream.finish();
  } catch (e) {
    banner(e.message, 'error');
  }
  finishLocally();
  // The draft in the database is the truth: every acknowledged word, exactly once.
  try {
    const note = await get('/api/notes/' + encodeURIComponent(page.note.id));
    transcript.set(note.transcript, note.words);
    page.audioSeconds = note.metrics.audioSeconds;
  } catch (e) {
    banner(e.message, 'error');
  }
  await structure(false);
  button.disabled = false;
  if (document.activeElement === document.body) button.focus();
}

function finishLocally() {
  const rec = page.recording;
  if (!rec) return;
  clearInterval(rec.timer);
  page.recordedSeconds += (Date.now() - rec.started) / 1000;
  $('clock').textContent = formatClock(page.recordedSeconds);
  page.recording = null;
  activity.paused = false;
  $('partial').textContent = '';
  showLevel(0);
  $('record').setAttribute('aria-pressed', 'false');
  $('record').textContent = 'Starta inspelning';
  $('record').disabled = !page.asrReady;
  setRecState('stopped', 'Inspelningen är stoppad. Tryck på knappen för att fortsätta diktera.');
}

// ---- Speech model availability and typed mode ----

async function checkAsr() {
  let health;
  try {
    health = await get('/health');
  } catch (e) {
    health = null;
  }
  const asr = health && health.asr;
  const ready = !!(asr && asr.loaded);
  const wasReady = page.asrReady;
  page.asrReady = ready;
  if (page.recording) return;
  const signed = !!(page.note && page.note.status === 'signed');
  $('record').disabled = !ready || signed;
  $('upload').disabled = !ready || signed;
  $('asr-status').classList.toggle('warning', !ready);
  if (ready) {
    $('asr-status').textContent = '';
    $('model-progress').hidden = true;
    if (!wasReady) setRecState('idle', 'Redo att spela in');
    if (page.typedAutomatically) {
      page.typedAutomatically = false;
      setTyped(false);
      banner('Taligenkänningen är klar – du kan diktera nu.', 'success');
    }
    return;
  }
  setRecState('unavailable', 'Taligenkänning är inte tillgänglig just nu');
  const download = asr && asr.download;
  if (download && download.state !== 'failed') {
    $('model-progress').hidden = false;
    $('model-progress').value = download.progress || 0;
    $('asr-status').textContent = 'Taligenkänningsmodellen hämtas (' + Math.round((download.progress || 0) * 100)
      + ' %). Du kan skriva anteckningen under tiden; diktering blir möjlig när modellen är klar.';
  } else {
    $('model-progress').hidden = true;
    $('asr-status').textContent = 'Ingen taligenkänningsmodell är installerad på servern. Skriv anteckningen direkt i fälten nedan – den sparas som skriven.'
      + (download && download.error ? ' (' + download.error + ')' : '');
  }
  if (!page.note || page.mode === 'typed') {
    if (!$('typed-mode').dataset.on) page.typedAutomatically = true;
    setTyped(true, true);
  }
  setTimeout(checkAsr, 5000);
}

function setTyped(on, automatic) {
  const button = $('typed-mode');
  if (on) {
    button.dataset.on = '1';
    button.textContent = page.asrReady ? 'Diktera i stället' : 'Skriver utan diktering';
    button.setAttribute('aria-pressed', 'true');
    if (!automatic) {
      const first = document.querySelector('#sections textarea');
      if (first) first.focus();
    }
  } else {
    delete button.dataset.on;
    button.textContent = 'Skriv utan att diktera';
    button.setAttribute('aria-pressed', 'false');
  }
}

// ---- Upload ----

async function uploadFile() {
  const input = $('upload');
  const file = input.files && input.files[0];
  if (!file) return;
  if (!requireCase()) {
    input.value = '';
    return;
  }
  if (!/\.wav$/i.test(file.name) && !/wav/.test(file.type)) {
    errorSummary($('main'), [{ message: 'Välj en WAV-fil (.wav).', field: input }]);
    input.value = '';
    return;
  }
  $('upload-row').hidden = false;
  input.disabled = true;
  try {
    const note = await ensureDraft('dictated');
    const result = await transcribeWav(file, note.id, $('upload-progress'), $('upload-label'));
    transcript.append(result.transcript, result.words);
    page.uploaded = true;
    page.mode = 'dictated';
    page.audioSeconds += result.audioSeconds || 0;
    await structure(false);
    saver.changed();
  } catch (e) {
    $('upload-label').textContent = 'Uppladdningen misslyckades.';
    banner(e.message, 'error');
  } finally {
    input.disabled = false;
    input.value = '';
  }
}

// ---- Conflict, sign, sign-out ----

async function showConflict() {
  // A save whose answer was lost (network or server gone after it committed) looks like a conflict with
  // ourselves: when the stored sections are exactly what this page sent, continue from that version.
  try {
    const note = await get('/api/notes/' + encodeURIComponent(page.note.id));
    const sent = saver.lastSent && saver.lastSent.sections;
    if (sent && JSON.stringify(note.sections) === JSON.stringify(sent)) {
      await saver.resolved(note.version, true);
      return;
    }
  } catch (e) {
    // fall through to the choice
  }
  const box = banner('Anteckningen har sparats från ett annat fönster eller en annan flik sedan du öppnade den. '
    + 'Välj vilken version som ska gälla – inget skrivs över utan att du väljer.', 'error',
  { title: 'Två versioner', testid: 'conflict', dismissible: false });
  box.appendChild(el('div', { class: 'button-group' },
    el('button', { type: 'button', class: 'button button--secondary', 'data-testid': 'conflict-reload',
      on: { click: async () => {
        const note = await get('/api/notes/' + encodeURIComponent(page.note.id));
        editor.setValues(note.sections);
        transcript.set(note.transcript, note.words);
        box.remove();
        await saver.resolved(note.version, false);
      } } }, 'Hämta den sparade versionen'),
    el('button', { type: 'button', class: 'button', 'data-testid': 'conflict-overwrite',
      on: { click: async () => {
        const note = await get('/api/notes/' + encodeURIComponent(page.note.id));
        box.remove();
        await saver.resolved(note.version, true);
      } } }, 'Behåll min text och spara')));
}

async function askSign() {
  if (page.recording) {
    banner('Stoppa inspelningen innan du signerar.', 'warning');
    return;
  }
  if (editor.isEmpty()) {
    errorSummary($('main'), [{ message: 'Anteckningen är tom. Skriv eller diktera innan du signerar.',
      field: document.querySelector('#sections textarea') }]);
    return;
  }
  if (!requireCase()) return;
  const ok = await saver.save({ force: false });
  if (!ok || !page.note) return;
  const titles = Object.fromEntries(currentTemplate().sections.map((s) => [s.key, s.title]));
  replace($('sign-summary'), editor.values().filter((s) => s.text.trim()).map((s) => el('li', {},
    el('strong', {}, titles[s.key] || s.key), ': ',
    s.text.length > 140 ? s.text.slice(0, 140) + ' …' : s.text)));
  $('sign-dialog').showModal();
  $('confirm-sign').focus();
}

async function sign() {
  const button = $('confirm-sign');
  button.disabled = true;
  try {
    const note = await post('/api/notes/' + encodeURIComponent(page.note.id) + '/sign', {});
    $('sign-dialog').close();
    page.note.status = note.status;
    setStatus(note.status);
    editor.setReadOnly(true);
    // The contact date is part of what is locked: left editable, a change would be silently dropped.
    ['record', 'upload', 'save', 'sign', 'structure', 'typed-mode', 'event-date'].forEach((id) => { $(id).disabled = true; });
    $('read-link').href = '/anteckning/' + encodeURIComponent(note.id);
    $('read-link').hidden = false;
    saver.stop();
    saver.show('saved', 'Signerad och låst');
    clearBanners();
    banner('Anteckningen är signerad och låst. Rättelser görs som tillägg i läsvyn.', 'success',
      { testid: 'signed-banner' });
    $('read-link').focus();
  } catch (e) {
    $('sign-dialog').close();
    banner(e.message, 'error');
  } finally {
    button.disabled = false;
  }
}

async function dropEverything() {
  page.dropped = true;
  if (page.recording) {
    await page.recording.mic.stop().catch(() => {});
    page.recording.stream.abort();
    page.recording = null;
  }
  await saver.save().catch(() => {});
  saver.stop();
  transcript.clear();
  replace($('sections'));
  $('partial').textContent = '';
}
