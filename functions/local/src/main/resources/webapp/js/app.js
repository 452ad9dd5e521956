// The router (hash routes, so the static server needs no fallback) and the training-status bar in the header.
import { api } from './api.js';
import { startSession } from './auth.js';
import { replace, h } from './dom.js';
import { jobsScreen } from './jobs.js';
import { uploadScreen } from './upload.js';
import { resultsScreen } from './results.js';
import { reviewScreen } from './review.js';
import { trainingScreen } from './training.js';
import { modelsScreen } from './models.js';
import { fairnessScreen } from './fairness.js';

const routes = [
  { pattern: /^#\/jobs$/, nav: 'jobs', screen: () => jobsScreen() },
  { pattern: /^#\/jobs\/([^/]+)\/upload$/, nav: 'jobs', screen: (m) => uploadScreen(decodeURIComponent(m[1])) },
  { pattern: /^#\/jobs\/([^/]+)\/results$/, nav: 'jobs', screen: (m) => resultsScreen(decodeURIComponent(m[1])) },
  { pattern: /^#\/review(?:\?(.*))?$/, nav: 'review', screen: (m) => reviewScreen(new URLSearchParams(m[1] || '')) },
  { pattern: /^#\/training$/, nav: 'training', screen: () => trainingScreen(null) },
  { pattern: /^#\/training\/([^/]+)$/, nav: 'training', screen: (m) => trainingScreen(decodeURIComponent(m[1])) },
  { pattern: /^#\/models$/, nav: 'models', screen: () => modelsScreen() },
  { pattern: /^#\/fairness(?:\?(.*))?$/, nav: 'fairness', screen: (m) => fairnessScreen(new URLSearchParams(m[1] || '')) },
];

let cleanup = null;

async function render() {
  const hash = location.hash || '#/jobs';
  const route = routes.find((r) => r.pattern.test(hash));
  if (!route) {
    location.hash = '#/jobs';
    return;
  }
  if (cleanup) cleanup();
  cleanup = null;
  document.querySelectorAll('[data-nav]').forEach((link) => {
    if (link.dataset.nav === route.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  const main = document.getElementById('main');
  replace(main, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const screen = await route.screen(hash.match(route.pattern));
    replace(main, screen.element);
    cleanup = screen.cleanup || null;
    document.title = `${screen.title} — Resume screening`;
    (main.querySelector('[data-autofocus]') || main).focus();
    // when the first screen was whole, since navigation started: the browser tests report it
    if (window.__firstScreenMs === undefined) window.__firstScreenMs = performance.now();
  } catch (error) {
    replace(main, h('h1', {}, 'Something went wrong'), h('p', { class: 'error' }, error.message));
  }
}

/** Refreshes the header's "N of M reviews until the next training" bar. */
export async function refreshTrainingBar() {
  const text = document.getElementById('training-bar-text');
  const bar = document.getElementById('training-bar-progress');
  try {
    const status = await api.trainingStatus();
    const done = status.new_samples_since_last_training;
    const threshold = status.threshold;
    text.textContent = status.ready_for_training
      ? `${done} of ${threshold} reviews: training is due`
      : `${done} of ${threshold} reviews until the next training`;
    text.dataset.newSamples = String(done);
    bar.max = threshold;
    bar.value = Math.min(done, threshold);
  } catch (error) {
    text.textContent = 'Training status unavailable: ' + error.message;
  }
}

window.addEventListener('DOMContentLoaded', () => {
  startSession().then(() => {
    window.addEventListener('hashchange', render);
    render();
    refreshTrainingBar();
  }, (error) => {
    replace(document.getElementById('main'), h('h1', {}, 'Sign-in failed'), h('p', { class: 'error' }, error.message));
  });
});
