// Jobs: the list (paginated), and creating a job.
import { api } from './api.js';
import { h, replace, formatTime, toast } from './dom.js';

const PAGE_SIZE = 20;

function reviewCount(balance) {
  if (!balance) return '0';
  return `${balance.positive_samples + balance.negative_samples} (${balance.positive_samples} / ${balance.negative_samples})`;
}

export async function jobsScreen() {
  const tokens = [null];          // the token of each page seen so far, for Previous
  let page = 0;
  const tableBody = h('tbody');
  const pageLabel = h('span', { class: 'muted', 'aria-live': 'polite' });
  const previous = h('button', { type: 'button', onclick: () => load(page - 1) }, 'Previous page');
  const next = h('button', { type: 'button', onclick: () => load(page + 1) }, 'Next page');

  async function load(index) {
    const [data, status] = await Promise.all([api.listJobs(PAGE_SIZE, tokens[index]),
      api.trainingStatus().catch(() => ({ jobs: [] }))]);
    // reviews per job come with the training status (one counter item); resume counts per job have no cheap source yet
    const reviews = new Map((status.jobs || []).map((j) => [j.job_id, j]));
    page = index;
    tokens[index + 1] = data.next_token;
    const rows = data.jobs.map((job) => h('tr', {},
      h('td', {}, job.title),
      h('td', {}, String(job.threshold)),
      h('td', { class: 'reviews' }, reviewCount(reviews.get(job.job_id))),
      h('td', {}, formatTime(job.created_at)),
      h('td', {}, h('div', { class: 'row' },
        h('a', { href: `#/jobs/${encodeURIComponent(job.job_id)}/upload`, class: 'button' }, 'Upload'),
        h('a', { href: `#/jobs/${encodeURIComponent(job.job_id)}/results`, class: 'button' }, 'Results'),
        h('a', { href: `#/review?job_id=${encodeURIComponent(job.job_id)}`, class: 'button' }, 'Review')))));
    replace(tableBody, rows.length ? rows : h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No jobs yet: create one below.')));
    previous.disabled = page === 0;
    next.disabled = !data.next_token;
    pageLabel.textContent = `Page ${page + 1}`;
  }

  const title = h('input', { id: 'job-title', name: 'title', type: 'text', required: true, maxlength: 200, autocomplete: 'off' });
  const description = h('textarea', { id: 'job-description', name: 'description', required: true, rows: 8 });
  const threshold = h('input', { id: 'job-threshold', name: 'threshold', type: 'number', min: 0, max: 100, step: 1, value: '50' });
  const formError = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'stack', 'aria-labelledby': 'create-job-heading', onsubmit: create },
    h('div', {}, h('label', { for: 'job-title' }, 'Title'), title),
    h('div', {}, h('label', { for: 'job-description' }, 'Description'), description),
    h('div', {}, h('label', { for: 'job-threshold' }, 'Shortlist threshold (0-100)'), threshold,
      h('p', { class: 'muted' }, 'Set when the job is created; the API has no route to change it later.')),
    formError,
    h('div', {}, h('button', { type: 'submit', class: 'primary', id: 'create-job' }, 'Create job')));

  async function create(event) {
    event.preventDefault();
    formError.textContent = '';
    try {
      const job = await api.createJob({ title: title.value, description: description.value,
        threshold: threshold.value === '' ? undefined : Number(threshold.value) });
      toast(`Job "${job.title}" created`);
      location.hash = `#/jobs/${encodeURIComponent(job.job_id)}/upload`;
    } catch (error) {
      formError.textContent = error.message;
    }
  }

  await load(0);
  return {
    title: 'Jobs',
    element: h('section', { 'aria-labelledby': 'jobs-heading' },
      h('h1', { id: 'jobs-heading' }, 'Jobs'),
      h('p', { class: 'muted' }, 'Jobs are listed in storage order, a page at a time.'),
      h('table', { id: 'jobs-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Title'), h('th', { scope: 'col' }, 'Threshold'),
          h('th', { scope: 'col' }, 'Reviews (shortlisted / rejected)'),
          h('th', { scope: 'col' }, 'Created'), h('th', { scope: 'col' }, 'Actions'))),
        tableBody),
      h('div', { class: 'row' }, previous, next, pageLabel),
      h('h2', { id: 'create-job-heading' }, 'Create a job'),
      form),
  };
}
