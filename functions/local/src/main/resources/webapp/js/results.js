// Results of a job: a page at a time, newest first or by score (highest first, across pages: the API sorts), filtered
// by reviewed (server side) and decision (on the page shown); a row opens the review of that result.
import { api } from './api.js';
import { h, replace, formatScore, formatPercent, formatTime } from './dom.js';

const PAGE_SIZE = 25;

export async function resultsScreen(jobId) {
  const job = await api.getJob(jobId);
  let tokens = [null];
  let page = 0;
  let results = [];
  let sort = 'created'; // or 'score', highest first
  const body = h('tbody');
  const pageLabel = h('span', { class: 'muted', 'aria-live': 'polite' });
  const reviewed = h('select', { id: 'filter-reviewed', onchange: () => restart() },
    h('option', { value: '' }, 'All'), h('option', { value: 'false' }, 'Not reviewed'), h('option', { value: 'true' }, 'Reviewed'));
  const decision = h('select', { id: 'filter-decision', onchange: () => draw() },
    h('option', { value: '' }, 'All'), h('option', { value: 'SHORTLIST' }, 'Shortlist'),
    h('option', { value: 'REJECT' }, 'Reject'), h('option', { value: 'MANUAL_REVIEW' }, 'Manual review'));
  const sortButton = h('button', { type: 'button', id: 'sort-score', onclick: () => toggleSort() }, 'Score');
  const scoreHeader = h('th', { scope: 'col', 'aria-sort': 'none' }, sortButton);
  const previous = h('button', { type: 'button', onclick: () => load(page - 1) }, 'Previous page');
  const next = h('button', { type: 'button', onclick: () => load(page + 1) }, 'Next page');

  function toggleSort() {
    sort = sort === 'score' ? 'created' : 'score';
    scoreHeader.setAttribute('aria-sort', sort === 'score' ? 'descending' : 'none');
    sortButton.textContent = sort === 'score' ? 'Score ▼' : 'Score';
    restart();
  }

  function open(result) {
    location.hash = `#/review?result_id=${encodeURIComponent(result.screening_result_id)}&job_id=${encodeURIComponent(jobId)}`;
  }

  function draw() {
    const shown = results.filter((r) => !decision.value || r.decision === decision.value);
    const rows = shown.map((r) => h('tr', { class: 'clickable result-row', tabindex: 0, 'data-result-id': r.screening_result_id,
      onclick: () => open(r), onkeydown: (e) => { if (e.key === 'Enter') open(r); } },
      h('td', { class: 'candidate' }, r.candidate_name ?? '(no name)'),
      h('td', {}, r.file_name ?? ''),
      h('td', { class: 'score' }, formatScore(r.score)),
      h('td', {}, h('span', { class: `badge ${r.decision}` }, r.decision)),
      h('td', {}, formatPercent(r.confidence)),
      h('td', {}, r.human_reviewed ? `Yes (${r.human_decision})` : 'No'),
      h('td', {}, formatTime(r.created_at))));
    replace(body, rows.length ? rows : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No results on this page.')));
  }

  async function load(index) {
    const data = await api.listResults(jobId, { limit: PAGE_SIZE, nextToken: tokens[index], reviewed: reviewed.value, sort });
    page = index;
    tokens[index + 1] = data.next_token;
    results = data.results;
    previous.disabled = page === 0;
    next.disabled = !data.next_token;
    pageLabel.textContent = `Page ${page + 1}`;
    draw();
    body.dataset.sort = sort;
  }

  function restart() {
    tokens = [null];
    load(0);
  }

  await load(0);
  return {
    title: `Results — ${job.title}`,
    element: h('section', { 'aria-labelledby': 'results-heading' },
      h('h1', { id: 'results-heading' }, 'Results: ', job.title),
      h('p', {}, h('a', { href: `#/jobs/${encodeURIComponent(jobId)}/upload` }, 'Upload more'), ' · ',
        h('a', { href: `#/review?job_id=${encodeURIComponent(jobId)}` }, 'Review the queue')),
      h('div', { class: 'row' },
        h('label', { for: 'filter-reviewed' }, 'Reviewed'), reviewed,
        h('label', { for: 'filter-decision' }, 'Decision'), decision),
      h('p', { class: 'muted' }, 'Newest first, or by score (highest first) across pages: click Score. Sorted by score, resumes left to a person (no score) are not listed. The decision filter applies to the page shown.'),
      h('table', { id: 'results-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Candidate'), h('th', { scope: 'col' }, 'File'), scoreHeader,
          h('th', { scope: 'col' }, 'Decision'), h('th', { scope: 'col' }, 'Confidence'),
          h('th', { scope: 'col' }, 'Reviewed'), h('th', { scope: 'col' }, 'Uploaded'))),
        body),
      h('div', { class: 'row' }, previous, next, pageLabel)),
  };
}
