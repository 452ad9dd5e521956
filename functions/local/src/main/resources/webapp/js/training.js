// Training: the status, starting a run (with a confirmation), and a run's detail.
import { api } from './api.js';
import { h, replace, formatTime, confirmDialog, toast } from './dom.js';
import { refreshTrainingBar } from './app.js';

const RECENT_RUNS_KEY = 'resume-screening.recent-runs';

function recentRuns() {
  try { return JSON.parse(localStorage.getItem(RECENT_RUNS_KEY) || '[]').filter((id) => typeof id === 'string'); } catch { return []; }
}

function remember(runId) {
  localStorage.setItem(RECENT_RUNS_KEY, JSON.stringify([runId, ...recentRuns().filter((id) => id !== runId)].slice(0, 10)));
}

function factList(entries) {
  return h('dl', { class: 'facts' }, entries.flatMap(([label, value]) =>
    [h('dt', {}, label), h('dd', {}, value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value))]));
}

export async function trainingScreen() {
  const statusBox = h('div', { id: 'training-status' });
  const runBox = h('div', { id: 'run-detail', 'aria-live': 'polite' });
  const recent = h('ul', { id: 'recent-runs' });
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

  async function showRun(runId) {
    clearTimeout(poll);
    try {
      const run = await api.trainingRun(runId);
      replace(runBox, h('h2', {}, 'Run ', run.run_id), factList([
        ['State', run.state], ['Reason', run.reason], ['Trigger', run.trigger], ['Mode', run.mode],
        ['Samples', run.sample_count], ['Created', formatTime(run.created_at)],
        ['Finished', formatTime(run.finished_at)], ['Candidate version', run.candidate_version],
        ['Activated', run.activated], ['Metrics', run.metrics],
      ]));
      if (run.state === 'QUEUED' || run.state === 'RUNNING') {
        poll = setTimeout(() => showRun(runId), 2000);
      } else {
        loadStatus();
        refreshTrainingBar();
      }
    } catch (error) {
      replace(runBox, h('p', { class: 'error' }, error.message));
    }
  }

  function drawRecent() {
    replace(recent, recentRuns().map((id) => h('li', {}, h('button', { type: 'button', onclick: () => showRun(id) }, id))));
  }

  const force = h('input', { type: 'checkbox', id: 'train-force' });
  const minSamples = h('input', { type: 'number', id: 'train-min-samples', min: 1, step: 1 });
  const trigger = h('button', { type: 'button', class: 'primary', id: 'btn-trigger', 'data-autofocus': true, onclick: start }, 'Start training');

  async function start() {
    const ok = await confirmDialog('Start training?', force.checked
      ? 'Training starts now even if fewer reviews than the threshold are in.'
      : 'Training starts only if enough reviews are in.', 'Start training');
    if (!ok) return;
    try {
      const body = { force: force.checked };
      if (minSamples.value) body.min_samples = Number(minSamples.value);
      const answer = await api.triggerTraining(body);
      remember(answer.run_id);
      drawRecent();
      toast(answer.message);
      showRun(answer.run_id);
    } catch (error) {
      toast(error.message);
    }
  }

  const runId = h('input', { type: 'text', id: 'run-id', autocomplete: 'off' });
  await loadStatus();
  drawRecent();
  return {
    title: 'Training',
    cleanup: () => clearTimeout(poll),
    element: h('section', { 'aria-labelledby': 'training-heading' },
      h('h1', { id: 'training-heading' }, 'Training'),
      statusBox,
      h('h2', {}, 'Start a run'),
      h('div', { class: 'row' }, force, h('label', { for: 'train-force' }, 'Force (train below the threshold)'),
        h('label', { for: 'train-min-samples' }, 'Minimum samples'), h('span', {}, minSamples), trigger),
      h('h2', {}, 'Runs'),
      h('form', { class: 'row', onsubmit: (e) => { e.preventDefault(); if (runId.value.trim()) showRun(runId.value.trim()); } },
        h('label', { for: 'run-id' }, 'Run id'), h('span', {}, runId), h('button', { type: 'submit' }, 'Show run')),
      h('p', { class: 'muted' }, 'Runs started from this browser (the API has no route listing runs yet):'),
      recent,
      runBox),
  };
}
