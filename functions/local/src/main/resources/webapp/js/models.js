// Models: the registry's versions, the live pointer, activation history; activate and roll back, each confirmed.
import { api } from './api.js';
import { h, replace, formatTime, formatPercent, confirmDialog, toast } from './dom.js';

export async function modelsScreen() {
  const container = h('div', { id: 'models' });

  async function load() {
    const data = await api.models();
    const active = data.active || {};
    const rows = data.models.map((m) => h('tr', { 'data-version': m.version },
      h('td', {}, m.version, m.version === active.champion_version ? ' (champion)' : '',
        m.version === active.challenger_version ? ' (challenger)' : ''),
      h('td', {}, m.status), h('td', {}, m.framework ?? '—'),
      h('td', {}, m.auc === null || m.auc === undefined ? '—' : Number(m.auc).toFixed(3)),
      h('td', {}, formatPercent(m.accuracy)), h('td', {}, m.training_samples ?? '—'),
      h('td', {}, formatTime(m.created_at)),
      h('td', {}, m.version === active.champion_version ? '' :
        h('button', { type: 'button', class: 'activate', onclick: () => activate(m) }, 'Activate'))));
    const history = (data.activations || []).map((a) => h('li', {},
      `${formatTime(a.activated_at)}: ${a.champion_version}`, a.challenger_version ? ` + ${a.challenger_version} (${a.challenger_weight}%)` : '',
      ` — ${a.kind ?? ''} by ${a.actor ?? '?'}`, a.reason ? ` (${a.reason})` : ''));
    replace(container,
      h('p', {}, 'Live: ', h('strong', { id: 'champion' }, active.champion_version ?? '—'),
        active.challenger_version ? ` with challenger ${active.challenger_version} on ${active.challenger_weight}% of new results` : ''),
      h('div', { class: 'row' }, h('button', { type: 'button', id: 'btn-rollback', class: 'danger', 'data-autofocus': true, onclick: rollback },
        'Roll back to the previous champion')),
      h('table', { id: 'models-table' },
        h('thead', {}, h('tr', {}, ['Version', 'Status', 'Framework', 'ROC AUC', 'Accuracy', 'Samples', 'Created', '']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows)),
      h('h2', {}, 'Activations'), h('ul', {}, history));
  }

  async function activate(model) {
    const force = model.status === 'REJECTED' ? h('p', {}, 'The gate rejected this model: activating it is recorded as forced.') : null;
    if (!await confirmDialog(`Activate ${model.version}?`, 'New resumes will be screened by this model.', 'Activate', force)) return;
    try {
      await api.activate({ champion: model.version, force: model.status === 'REJECTED' || undefined });
      toast(`${model.version} is live`);
      await load();
    } catch (error) {
      toast(error.message);
    }
  }

  async function rollback() {
    if (!await confirmDialog('Roll back?', 'The previous champion goes live again.', 'Roll back')) return;
    try {
      await api.rollback();
      toast('Rolled back');
      await load();
    } catch (error) {
      toast(error.message);
    }
  }

  await load();
  return { title: 'Models', element: h('section', { 'aria-labelledby': 'models-heading' }, h('h1', { id: 'models-heading' }, 'Models'), container) };
}
