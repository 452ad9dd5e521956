// The adverse-impact report (admins): for the AI's decisions and for the reviewers', per sex, race/ethnicity and
// their intersection: applicants, selection rate, impact ratio against the highest-rate category, the four-fifths
// flag and its p-value; for the AI also the scoring rate. Everything is text from the API (no markup parsed).
import { api } from './api.js';
import { h, replace, formatPercent } from './dom.js';

const DIMENSIONS = [['sex', 'Sex'], ['race_ethnicity', 'Race/ethnicity'], ['intersection', 'Sex × race/ethnicity']];
const ratio = (value) => (value === null || value === undefined ? '—' : Number(value).toFixed(2));

function dimensionTable(section, key, label, withScoring) {
  const d = section[key];
  if (!d) return null;
  const head = ['Category', 'Applicants', 'Share', 'Selected', 'Selection rate', 'Impact ratio', 'Below 4/5', 'p-value']
    .concat(withScoring ? ['Scoring rate', 'Scoring impact ratio', 'Scoring below 4/5'] : []);
  const rows = d.categories.map((c) => h('tr', { class: c.selection_below_four_fifths ? 'flagged' : null },
    h('td', {}, c.category, c.below_2_percent ? ' (under 2%: left out of ratios)' : ''), h('td', {}, String(c.applicants)),
    h('td', {}, formatPercent(c.share)), h('td', {}, String(c.selected)), h('td', {}, formatPercent(c.selection_rate)),
    h('td', {}, ratio(c.selection_impact_ratio)), h('td', {}, c.selection_below_four_fifths ? 'yes' : 'no'),
    h('td', {}, c.selection_p_value ?? '—'),
    withScoring ? [h('td', {}, formatPercent(c.scoring_rate)), h('td', {}, ratio(c.scoring_impact_ratio)),
      h('td', {}, c.scoring_below_four_fifths ? 'yes' : 'no')] : null));
  return h('div', { class: 'dimension' },
    h('h3', {}, label),
    h('p', { class: 'muted' }, `${d.known} with a known answer; left out: ${d.excluded_unknown} unknown, ${d.excluded_declined} declined.`),
    (d.messages || []).map((m) => h('p', { class: 'warn' }, m)),
    d.categories.length ? h('table', { class: 'report' }, h('thead', {}, h('tr', {}, head.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows)) : null);
}

export async function fairnessScreen(params) {
  const result = h('div', { id: 'adverse-impact', 'aria-live': 'polite' });
  const jobId = h('input', { type: 'text', id: 'report-job', value: params.get('job_id') || '', autocomplete: 'off' });
  const from = h('input', { type: 'date', id: 'report-from' });
  const to = h('input', { type: 'date', id: 'report-to' });

  async function load(event) {
    if (event) event.preventDefault();
    replace(result, h('p', { class: 'muted' }, 'Loading…'));
    try {
      const report = await api.adverseImpact(jobId.value.trim(), from.value, to.value);
      replace(result,
        h('p', {}, `${report.results} results from ${report.date_range.first_result_at ?? '—'} to ${report.date_range.last_result_at ?? '—'}; model versions: ${report.model_versions.join(', ') || '—'}.`),
        [['ai', 'Decisions of the AI', true], ['human', 'Decisions of reviewers', false]].map(([key, title, scoring]) =>
          h('section', { class: `decisions ${key}` }, h('h2', {}, title),
            h('p', { class: 'muted' }, `${report[key].decided} decided, ${report[key].not_decided} not decided.`),
            DIMENSIONS.map(([dimension, label]) => dimensionTable(report[key], dimension, label, scoring)))),
        h('p', { class: 'muted' }, `Impact ratio against the highest-rate category; flagged below ${report.method.four_fifths_threshold} `
          + `(four-fifths rule) with a ${report.method.significance_test} (level ${report.method.significance_level}).`));
    } catch (error) {
      replace(result, h('p', { class: 'error' }, error.message));
    }
  }

  await load();
  return {
    title: 'Adverse impact',
    element: h('section', { 'aria-labelledby': 'fairness-heading' },
      h('h1', { id: 'fairness-heading' }, 'Adverse-impact report (admins)'),
      h('p', { class: 'muted' }, 'From candidates\u2019 voluntary self-identification, which reviewers never see.'),
      h('form', { class: 'row', onsubmit: load },
        h('label', { for: 'report-job' }, 'Job id (empty: all jobs)'), h('span', {}, jobId),
        h('label', { for: 'report-from' }, 'From'), from, h('label', { for: 'report-to' }, 'To'), to,
        h('button', { type: 'submit', class: 'primary' }, 'Show')),
      result),
  };
}
