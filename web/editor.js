// The structured note as editable fields, one per template section in the template's order. A structure
// result fills only the fields the worker has not edited by hand; lint warnings are shown at their
// sentence; each sentence can reveal the transcript words it came from, with words the recogniser was
// unsure of marked.
import { el, replace } from './ui.js';

export const LOW_CONFIDENCE = 0.7;

export class SectionEditor {
  constructor(container, { onEdit, removedBox }) {
    this.container = container;
    this.removedBox = removedBox;
    this.onEdit = onEdit;
    this.fields = new Map(); // key → {textarea, edited, proposal, extras, def}
    this.readOnly = false;
  }

  setTemplate(template) {
    this.template = template;
    this.fields.clear();
    replace(this.container, template.sections.map((s) => this.renderField(s)));
  }

  renderField(def) {
    const id = 'section-' + def.key;
    const textarea = el('textarea', {
      id, name: def.key, 'data-testid': id, rows: '3', spellcheck: 'true', lang: 'sv',
      'aria-describedby': def.hint ? id + '-hint' : false
    });
    const editedTag = el('span', { class: 'section-field__edited', hidden: true }, 'Ändrad för hand');
    const extras = el('div', { class: 'section-field__extras' });
    const field = { textarea, edited: false, proposal: '', extras, editedTag, def };
    textarea.addEventListener('input', () => {
      if (!field.edited) field.proposalAtEdit = field.proposal;
      field.edited = true;
      editedTag.hidden = false;
      this.grow(textarea);
      this.onEdit(def.key);
    });
    this.fields.set(def.key, field);
    return el('div', { class: 'section-field field', 'data-section': def.key },
      el('div', { class: 'section-field__head' }, el('label', { for: id }, def.title), editedTag),
      def.hint ? el('p', { class: 'hint', id: id + '-hint' }, def.hint) : null,
      textarea, extras);
  }

  grow(textarea) {
    const lines = textarea.value.split('\n').reduce((n, line) => n + 1 + Math.floor(line.length / 90), 0);
    textarea.rows = Math.max(3, Math.min(20, lines + 1));
  }

  /** Loads saved sections; fields with text count as edited, so dictation never overwrites them. */
  setValues(sections) {
    for (const s of sections || []) {
      const f = this.fields.get(s.key);
      if (!f) continue;
      f.textarea.value = s.text || '';
      f.edited = !!s.text;
      f.proposalAtEdit = f.proposal;
      f.editedTag.hidden = true;
      this.grow(f.textarea);
    }
  }

  values() {
    return [...this.fields.entries()].map(([key, f]) => ({ key, text: f.textarea.value }));
  }

  isEmpty() {
    return this.values().every((s) => !s.text.trim());
  }

  setReadOnly(on) {
    this.readOnly = on;
    for (const f of this.fields.values()) f.textarea.readOnly = on;
    if (on && this.removedBox) replace(this.removedBox);
  }

  /**
   * Applies a /api/structure answer. `words`: the transcript words sent (with conf), for the sources.
   * Returns true when a field changed.
   */
  applyStructure(result, words) {
    let changed = false;
    const bySection = new Map();
    (result.sentences || []).forEach((s, i) => {
      const list = bySection.get(s.section) || [];
      list.push({ ...s, index: i, warnings: [] });
      bySection.set(s.section, list);
    });
    const byIndex = new Map();
    for (const list of bySection.values()) list.forEach((s) => byIndex.set(s.index, s));
    for (const w of result.warnings || []) {
      const s = byIndex.get(w.sentence);
      if (s) s.warnings.push(w.message);
    }
    const proposals = new Map((result.sections || []).map((s) => [s.key, s.text || '']));
    for (const [key, f] of this.fields) {
      const proposal = proposals.get(key) || '';
      f.proposal = proposal;
      if (!f.edited && !this.readOnly && f.textarea.value !== proposal) {
        f.textarea.value = proposal;
        this.grow(f.textarea);
        changed = true;
      }
      this.renderExtras(f, bySection.get(key) || [], words || []);
    }
    this.renderRemoved(result.removed || [], result.sentences || []);
    return changed;
  }

  /**
   * What the speaker struck while dictating ("radera senaste meningen", "nej förlåt ..."), so nothing
   * disappears unseen: each can be put back at the end of its section, where the worker then edits it.
   */
  renderRemoved(removed, sentences) {
    if (!this.removedBox) return;
    if (!removed.length || this.readOnly) {
      replace(this.removedBox);
      return;
    }
    const sectionOf = (r) => {
      if (typeof r.sentence === 'number' && sentences[r.sentence]) return sentences[r.sentence].section;
      const before = sentences.filter((s) => s.words && r.words && s.words.to <= r.words.from);
      return before.length ? before[before.length - 1].section : (sentences[0] && sentences[0].section);
    };
    replace(this.removedBox, el('h3', {}, 'Struket under dikteringen'),
      el('p', { class: 'hint' }, 'Det här togs bort med ett röstkommando eller en rättelse. Lägg tillbaka det om det var fel.'),
      el('ul', { class: 'removed-list' }, removed.map((r) => {
        const key = sectionOf(r);
        const f = this.fields.get(key);
        return el('li', { 'data-testid': 'removed' },
          el('span', { class: 'removed__text' }, r.spoken || ''),
          r.replacement ? el('span', { class: 'muted' }, ' (ersattes med ”' + r.replacement + '”)') : null,
          f ? [' ', el('button', { type: 'button', class: 'button button--secondary button--small',
            'data-testid': 'restore-removed', on: { click: (ev) => {
              const text = (r.spoken || '').trim();
              f.textarea.value = f.textarea.value.trim() ? f.textarea.value.trim() + ' ' + text : text;
              if (!f.edited) f.proposalAtEdit = f.proposal;
              f.edited = true;
              f.editedTag.hidden = false;
              this.grow(f.textarea);
              this.onEdit(key);
              ev.currentTarget.disabled = true;
              ev.currentTarget.textContent = 'Tillagt i ' + f.def.title;
            } } }, 'Lägg tillbaka i ' + f.def.title)] : null);
      })));
  }

  renderExtras(f, sentences, words) {
    const warnings = sentences.flatMap((s) => s.warnings.map((message) => el('div', {
      class: 'warning', 'data-testid': 'warning', role: 'note'
    }, el('span', { class: 'warning__sentence' }, '”' + s.text + '”'), ' – ', message)));
    const lowCount = sentences.reduce((n, s) => n + this.sourceWords(s, words)
      .filter((w) => typeof w.conf === 'number' && w.conf < LOW_CONFIDENCE).length, 0);
    const children = [warnings];
    // Offered only when dictation brought new text for the section after the worker edited it by hand.
    if (f.edited && f.proposal && f.proposal !== f.proposalAtEdit && f.proposal !== f.textarea.value
        && !this.readOnly) {
      children.push(el('details', { class: 'proposal' },
        el('summary', {}, 'Dikteringen föreslår en annan text för avsnittet'),
        el('p', { class: 'note-section__text' }, f.proposal),
        el('button', { type: 'button', class: 'button button--secondary button--small', on: { click: () => {
          f.textarea.value = f.proposal;
          f.edited = false;
          f.editedTag.hidden = true;
          this.grow(f.textarea);
          this.onEdit(f.def.key);
          this.renderExtras(f, sentences, words);
        } } }, 'Använd förslaget')));
    }
    if (sentences.length) {
      children.push(el('details', { class: 'sources-toggle', 'data-testid': 'sources-' + f.def.key },
        el('summary', {}, 'Visa källorden per mening'
          + (lowCount ? ' (' + lowCount + (lowCount === 1 ? ' osäkert ord' : ' osäkra ord') + ' att kontrollera)' : '')),
        el('ol', { class: 'sentences' }, sentences.map((s) => el('li', { 'data-testid': 'sentence' },
          el('span', {}, s.text),
          el('details', {},
            el('summary', {}, 'Visa orden'),
            el('p', { class: 'sources', 'data-testid': 'source-words' }, this.sourceWords(s, words).map((w, i) => [
              i ? ' ' : '',
              typeof w.conf === 'number' && w.conf < LOW_CONFIDENCE
                ? el('mark', { class: 'word--low', 'data-testid': 'low-confidence',
                  title: 'Osäkert ord (säkerhet ' + Math.round(w.conf * 100) + ' %)' },
                  w.word, el('span', { class: 'visually-hidden' }, ' (osäkert)'))
                : w.word
            ]))))))));
    }
    replace(f.extras, children);
  }

  sourceWords(sentence, words) {
    if (!sentence.words || !words.length) return [];
    return words.slice(sentence.words.from, sentence.words.to);
  }

  /** The structure proposal as one text (what the worker's edits are measured against). */
  proposalText() {
    return [...this.fields.values()].map((f) => f.proposal).filter((t) => t).join('\n\n');
  }
}
