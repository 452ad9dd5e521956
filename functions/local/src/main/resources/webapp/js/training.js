// Training: the status, starting a run (confirmed), the runs newest first (a page at a time), and a run's page with
// its metrics, the gate's verdict and reason, and the ROC curves of the candidate and the live model on the gate's
// evidence; rolling back the live model (confirmed). Starting and rolling back are for admins (403 otherwise).
import { api } from './api.js';
import { h, replace, formatTime, confirmDialog, toast } from './dom.js';
import { refreshTrainingBar } from './app.js';
import { rocChart } from './chart.js';

const PAGE_SIZE = 10;

function factList(entries) {
  return h('dl', { class: 'facts' }, entries.flatMap(([label, value]) =>
    [h('dt', {}, label), h('dd', {}, value === null || value === undefined ? '—' : String(value))]));
}

const auc = (metrics) => (metrics && typeof metrics.roc_auc === 'number' ? metrics.roc_auc.toFixed(3) : '—');

export async function trainingScreen(runId) {
  const statusBox = h('div', { id: 'training-status' });
  const runBox = h('div', { id: 'run-detail', 'aria-live': 'polite' });
  const runsBody = h('tbody');
  const pageLabel = h('span', { class: 'muted', 'aria-live': 'polite' });
  const previous = h('button', { type: 'button', onclick: () => loadRuns(page - 1) }, 'Previous page');
  const next = h('button', { type: 'button', onclick: () => loadRuns(page + 1) }, 'Next page');
  let tokens = [null];
  let page = 0;
  let poll = null;

  async function loadStatus() {
    const s = await api.trainingStatus();
    replace(statusBox, factList([
      ['Reviews since the last training', `${s.new_samples_since_last_training} of ${s.threshold}`],
      ['Ready for training', s.ready_for_training ? 'yes' : `no: ${s.samples_needed} more reviews needed`],
      ['All reviews', s.total_samples],
      ['Shortlisted / rejected', `${s.positive_samples} / ${s.negative_samples}`],
      ['Corrections of the AI', s.needs_retraining],
      ['Live model', s.active_model_version],
      ['Class balance', s.class_balance_warning || 'fine'],
    ]));
  }

  async function loadRuns(index) {
    const data = await api.trainingRuns(PAGE_SIZE, tokens[index]);
    page = index;
    tokens[index + 1] = data.next_token;
    const rows = data.runs.map((run) => h('tr', { class: 'clickable run-row', tabindex: 0, 'data-run-id': run.run_id,
      onclick: () => open(run.run_id), onkeydown: (e) => { if (e.key === 'Enter') open(run.run_id); } },
      h('td', {}, run.run_id), h('td', { class: 'state' }, run.state), h('td', {}, run.trigger ?? '—'),
      h('td', {}, run.sample_count ?? '—'), h('td', {}, auc(run.metrics && run.metrics.candidate)),
      h('td', {}, auc(run.metrics && run.metrics.active)), h('td', {}, run.activated ? 'yes' : 'no'),
      h('td', {}, formatTime(run.created_at))));
    replace(runsBody, rows.length ? rows : h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No runs yet.')));
    previous.disabled = page === 0;
    next.disabled = !data.next_token;
    pageLabel.textContent = `Page ${page + 1}`;
  }

  function open(id) {
    location.hash = `#/training/${encodeURIComponent(id)}`;
  }

  async function showRun(id) {
    clearTimeout(poll);
    try {
      const run = await api.trainingRun(id);
      const metrics = run.metrics || {};
      const curves = metrics.roc_curves || {};
      const lines = [];
      if (curves.candidate && curves.candidate.length) {
        lines.push({ label: `candidate (AUC ${auc(metrics.candidate)})`, points: curves.candidate, className: 'candidate' });
      }
      if (curves.active && curves.active.length) {
        lines.push({ label: `live ${metrics.active_version ?? ''} (AUC ${auc(metrics.active)})`, points: curves.active, className: 'active' });
      }
      replace(runBox, h('h2', { id: 'run-heading' }, 'Run ', run.run_id), factList([
        ['State', run.state], ['Gate verdict', run.candidate_version ? (run.activated ? 'activated' : 'not activated') : '—'],
        ['Reason', run.reason], ['Trigger', run.trigger], ['Mode', run.mode], ['Samples', run.sample_count],
        ['Created', formatTime(run.created_at)], ['Finished', formatTime(run.finished_at)],
        ['Candidate version', run.candidate_version], ['Live model it was judged against', metrics.active_version],
        ['Evidence', metrics.evidence], ['Held-out pairs', metrics.test_samples],
        ['Candidate ROC AUC', auc(metrics.candidate)], ['Live model ROC AUC', auc(metrics.active)],
        ['Weighted ROC AUC, candidate / live (the gate\u2019s)', typeof metrics.candidate_weighted_roc_auc === 'number'
          ? `${metrics.candidate_weighted_roc_auc.toFixed(3)} / ${metrics.active_weighted_roc_auc.toFixed(3)}` : null],
        ['Weighting', metrics.weighting],
        ['Win confidence', typeof metrics.win_confidence === 'number' ? `${Math.round(metrics.win_confidence * 100)}%` : null],
        ['Not worse (refresh)', typeof metrics.not_worse_confidence === 'number'
          ? `${Math.round(metrics.not_worse_confidence * 100)}% (within ${metrics.refresh_tolerance})` : null],
        ['Similarity model\u2019s weighted ROC AUC (a refresh\u2019s floor)', typeof metrics.similarity_weighted_roc_auc === 'number'
          ? metrics.similarity_weighted_roc_auc.toFixed(3) : null],
      ]), lines.length ? rocChart(lines, 'ROC curves on the gate\u2019s evidence')
        : h('p', { class: 'muted' }, 'No curves: the run did not reach the gate.'));
      if (run.state === 'QUEUED' || run.state === 'RUNNING' || run.state === 'LAUNCHED') {
        poll = setTimeout(() => showRun(id), 2000);
      } else {
        loadStatus();
        loadRuns(page);
        refreshTrainingBar();
      }
    } catch (error) {
      replace(runBox, h('p', { class: 'error' }, error.message));
    }
  }

  const force = h('input', { type: 'checkbox', id: 'train-force' });
  const minSamples = h('input', { type: 'number', id: 'train-min-samples', min: 1, step: 1 });
  const trigger = h('button', { type: 'button', class: 'primary', id: 'btn-trigger', 'data-autofocus': true, onclick: start }, 'Start training');
  const rollback = h('button', { type: 'button', class: 'danger', id: 'btn-training-rollback', onclick: rollBack },
    'Roll back the live model');

  async function start() {
    const ok = await confirmDialog('Start training?', force.checked
      ? 'Training starts now even if fewer reviews than the threshold are in.'
      : 'Training starts only if enough reviews are in.', 'Start training');
    if (!ok) return;
    try {
      const body = { force: force.checked };
      if (minSamples.value) body.min_samples = Number(minSamples.value);
      const answer = await api.triggerTraining(body);
      toast(answer.message);
      open(answer.run_id);
    } catch (error) {
      toast(error.message);
    }
  }

  async function rollBack() {
    if (!await confirmDialog('Roll back?', 'The previous champion goes live again.', 'Roll back')) return;
    try {
      const answer = await api.rollback();
      toast(`Rolled back: ${answer.active.champion_version} is live`);
      await loadStatus();
    } catch (error) {
      toast(error.message);
    }
  }

  await Promise.all([loadStatus(), loadRuns(0)]);
  if (runId) await showRun(runId);
  return {
    title: runId ? `Training run ${runId}` : 'Training',
    cleanup: () => clearTimeout(poll),
    element: h('section', { 'aria-labelledby': 'training-heading' },
      h('h1', { id: 'training-heading' }, 'Training'),
      statusBox,
      h('h2', {}, 'Start a run or roll back (admins)'),
      h('div', { class: 'row' }, force, h('label', { for: 'train-force' }, 'Force (train below the threshold)'),
        h('label', { for: 'train-min-samples' }, 'Minimum samples'), h('span', {}, minSamples), trigger, rollback),
      runBox,
      h('h2', {}, 'Runs, newest first'),
      h('table', { id: 'runs-table' },
        h('thead', {}, h('tr', {}, ['Run', 'State', 'Trigger', 'Samples', 'Candidate AUC', 'Live AUC', 'Activated', 'Created']
          .map((t) => h('th', { scope: 'col' }, t)))),
        runsBody),
      h('div', { class: 'row' }, previous, next, pageLabel)),
  };
}
