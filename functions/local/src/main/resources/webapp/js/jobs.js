// Jobs: the list (paginated), and creating a job.
import { api } from './api.js';
import { h, replace, formatTime, toast } from './dom.js';

const PAGE_SIZE = 20;


export async function jobsScreen() {
  const tokens = [null];          // the token of each page seen so far, for Previous
  let page = 0;
  const tableBody = h('tbody');
  const pageLabel = h('span', { class: 'muted', 'aria-live': 'polite' });
  const previous = h('button', { type: 'button', onclick: () => load(page - 1) }, 'Previous page');
  const next = h('button', { type: 'button', onclick: () => load(page + 1) }, 'Next page');

  async function load(index) {
    const data = await api.listJobs(PAGE_SIZE, tokens[index]);
    page = index;
    tokens[index + 1] = data.next_token;
    const rows = data.jobs.map((job) => h('tr', { 'data-job-id': job.job_id },
      h('td', {}, job.title),
      h('td', {}, thresholdEditor(job)),
      h('td', { class: 'count screened' }, String(job.counts.screened)),
      h('td', { class: 'count reviewed' }, String(job.counts.reviewed)),
      h('td', { class: 'count shortlisted-ai' }, String(job.counts.shortlisted_by_ai)),
      h('td', { class: 'count shortlisted-people' }, String(job.counts.shortlisted_by_people)),
      h('td', {}, formatTime(job.created_at)),
      h('td', {}, h('div', { class: 'row' },
        h('a', { href: `#/jobs/${encodeURIComponent(job.job_id)}/upload`, class: 'button' }, 'Upload'),
        h('a', { href: `#/jobs/${encodeURIComponent(job.job_id)}/results`, class: 'button' }, 'Results'),
        h('a', { href: `#/review?job_id=${encodeURIComponent(job.job_id)}`, class: 'button' }, 'Review')))));
    replace(tableBody, rows.length ? rows : h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No jobs yet: create one below.')));
    previous.disabled = page === 0;
    next.disabled = !data.next_token;
    pageLabel.textContent = `Page ${page + 1}`;
  }

  // the threshold in place: Enter (or Save) sends it; admins only in AWS, the API answers 403 to anyone else
  function thresholdEditor(job) {
    const input = h('input', { type: 'number', min: 0, max: 100, step: 'any', value: String(job.threshold),
      class: 'threshold', 'aria-label': `Shortlist threshold of ${job.title}` });
    const save = h('button', { type: 'submit', class: 'save-threshold' }, 'Save');
    return h('form', { class: 'row inline', onsubmit: async (event) => {
      event.preventDefault();
      try {
        const updated = await api.updateThreshold(job.job_id, Number(input.value));
        input.value = String(updated.threshold);
        toast(`Threshold of "${job.title}" is now ${updated.threshold}: new uploads are decided with it`);
      } catch (error) {
        toast(error.message);
      }
    } }, input, save);
  }

  const title = h('input', { id: 'job-title', name: 'title', type: 'text', required: true, maxlength: 200, autocomplete: 'off' });
  const description = h('textarea', { id: 'job-description', name: 'description', required: true, rows: 8 });
  const threshold = h('input', { id: 'job-threshold', name: 'threshold', type: 'number', min: 0, max: 100, step: 1, value: '50' });
  const formError = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'stack', 'aria-labelledby': 'create-job-heading', onsubmit: create },
    h('div', {}, h('label', { for: 'job-title' }, 'Title'), title),
    h('div', {}, h('label', { for: 'job-description' }, 'Description'), description),
    h('div', {}, h('label', { for: 'job-threshold' }, 'Shortlist threshold (0-100)'), threshold,
      h('p', { class: 'muted' }, 'An admin can change it later in the list: it decides new uploads, earlier results keep theirs.')),
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
          h('th', { scope: 'col' }, 'Screened'), h('th', { scope: 'col' }, 'Reviewed'),
          h('th', { scope: 'col' }, 'Shortlisted by AI'), h('th', { scope: 'col' }, 'Shortlisted by people'),
          h('th', { scope: 'col' }, 'Created'), h('th', { scope: 'col' }, 'Actions'))),
        tableBody),
      h('div', { class: 'row' }, previous, next, pageLabel),
      h('h2', { id: 'create-job-heading' }, 'Create a job'),
      form),
  };
}
