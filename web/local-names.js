// /admin: a unit's own names (schools, places, services, colleagues), one per line with an optional type
// prefix ("Person: Stina Berg"). Structuring writes them as given for that unit's workers.
import { get, put } from './api.js';
import { el, replace, banner, busy } from './ui.js';

const TYPE_BY_PREFIX = { person: 'PERSON', plats: 'PLACE', organisation: 'ORGANIZATION' };
const PREFIX_BY_TYPE = { PERSON: 'Person', PLACE: 'Plats', ORGANIZATION: 'Organisation' };

let started = false;

/**
 * Fills the unit choice (again when the page reloads its lists: a new user may bring a new unit, and the
 * choice is kept) and, the first time, loads the chosen unit's names. `units` is the API's unitList.
 */
export function initLocalNames(units) {
  const select = document.getElementById('ln-unit');
  const chosen = select.value;
  replace(select, units.map((u) => el('option', { value: String(u.id) }, u.name)));
  if (chosen) select.value = chosen;
  if (started) return;
  started = true;
  const form = document.getElementById('local-names');
  const text = document.getElementById('ln-names');
  const status = document.getElementById('ln-status');
  const load = async () => {
    status.textContent = '';
    if (!select.value) return;
    try {
      const list = await get('/api/admin/units/' + encodeURIComponent(select.value) + '/local-names');
      text.value = list.names.map((n) => (PREFIX_BY_TYPE[n.type] || 'Organisation') + ': ' + n.written).join('\n');
    } catch (e) {
      banner(e.message, 'error');
    }
  };
  select.addEventListener('change', load);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const names = parse(text.value);
    try {
      const saved = await busy(form.querySelector('button[type=submit]'),
        put('/api/admin/units/' + encodeURIComponent(select.value) + '/local-names', { names }));
      status.textContent = 'Sparat: ' + saved.names.length + ' namn för '
        + select.options[select.selectedIndex].textContent + '.';
    } catch (e) {
      status.textContent = '';
      banner(e.message, 'error');
    }
  });
  load();
}

function parse(value) {
  return value.split('\n').map((line) => line.trim()).filter((line) => line).map((line) => {
    const m = line.match(/^(person|plats|organisation)\s*:\s*(.+)$/i);
    return m ? { written: m[2].trim(), type: TYPE_BY_PREFIX[m[1].toLowerCase()] }
      : { written: line, type: 'ORGANIZATION' };
  });
}
