// Upload: many files by drag and drop or the file picker, each with its own progress bar and the API's answer.
import { api, uploadResume } from './api.js';
import { h, formatScore } from './dom.js';

const PARALLEL = 3;

/** "priya-nair_java.pdf" -> "priya nair java": a starting point the recruiter can correct per row. */
function nameFromFile(fileName) {
  return fileName.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
}

export async function uploadScreen(jobId) {
  const job = await api.getJob(jobId);
  const rows = h('tbody');
  const queue = [];
  let running = 0;

  const input = h('input', { id: 'file-input', type: 'file', multiple: true, accept: '.pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain',
    class: 'visually-hidden', onchange: () => { add(input.files); input.value = ''; } });
  const useNames = h('input', { id: 'names-from-files', type: 'checkbox', checked: true });
  // voluntary EEO-1 self-identification: sent with the upload, stored apart, never shown to reviewers
  const choice = (id, options) => h('select', { id }, h('option', { value: '' }, 'Not asked'),
    options.map(([value, label]) => h('option', { value }, label)));
  const sex = choice('self-sex', [['female', 'Female'], ['male', 'Male'], ['declined', 'Declined to answer']]);
  const race = choice('self-race', [['hispanic_or_latino', 'Hispanic or Latino'], ['white', 'White'],
    ['black_or_african_american', 'Black or African American'],
    ['native_hawaiian_or_pacific_islander', 'Native Hawaiian or Other Pacific Islander'], ['asian', 'Asian'],
    ['american_indian_or_alaska_native', 'American Indian or Alaska Native'], ['two_or_more_races', 'Two or more races'],
    ['declined', 'Declined to answer']]);
  const selfIdentification = h('fieldset', { class: 'self-id' },
    h('legend', {}, 'Voluntary self-identification (EEO-1), sent with the files added next'),
    h('p', { class: 'muted' }, 'Only for the adverse-impact report: kept apart from the result, never shown to reviewers, never given to the model.'),
    h('div', { class: 'row' }, h('label', { for: 'self-sex' }, 'Sex'), sex, h('label', { for: 'self-race' }, 'Race/ethnicity'), race));
  const zone = h('div', { class: 'dropzone', id: 'dropzone' },
    h('p', {}, 'Drop PDF, Word (.docx) or text resumes here, or'),
    h('label', { for: 'file-input', class: 'button primary', tabindex: 0, role: 'button', 'data-autofocus': true,
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } } },
      'Choose files…'),
    input);
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); add(e.dataTransfer.files); });

  function add(files) {
    for (const file of files) {
      const progress = h('progress', { max: 1, value: 0, 'aria-label': `Upload progress of ${file.name}` });
      const state = h('td', { class: 'state' }, 'Waiting');
      const outcome = h('td', { class: 'outcome' });
      const row = h('tr', { class: 'upload-row', 'data-file': file.name },
        h('td', {}, file.name), h('td', {}, progress), state, outcome);
      rows.appendChild(row);
      queue.push({ file, progress, state, outcome, row, key: crypto.randomUUID(),
        fields: { self_identified_sex: sex.value, self_identified_race_ethnicity: race.value } });
    }
    pump();
  }

  function pump() {
    while (running < PARALLEL && queue.length) {
      const item = queue.shift();
      running++;
      send(item).finally(() => { running--; pump(); });
    }
  }

  async function send({ file, progress, state, outcome, row, key, fields }) {
    state.textContent = 'Uploading';
    try {
      const result = await uploadResume(jobId, file, useNames.checked ? nameFromFile(file.name) : '', fields,
        key, (fraction) => { progress.value = fraction; });
      progress.value = 1;
      const review = h('a', { href: `#/review?result_id=${encodeURIComponent(result.screening_result_id)}&job_id=${encodeURIComponent(jobId)}` },
        result.duplicate_of ? 'open the earlier result' : 'review');
      if (result.duplicate_of) {
        state.textContent = 'Duplicate';
        state.className = 'state warn';
        row.dataset.status = 'duplicate';
        outcome.replaceChildren(h('span', { class: 'duplicate-of' },
          `Already screened for this job as ${result.candidate_name ?? '(no name)'} (${result.file_name}): `),
        h('span', { class: `badge ${result.decision}` }, result.decision), ' ', `score ${formatScore(result.score)} · `, review);
        return;
      }
      state.textContent = 'Screened';
      state.className = 'state ok';
      row.dataset.status = 'ok';
      outcome.replaceChildren(h('span', { class: `badge ${result.decision}` }, result.decision), ' ',
        `score ${formatScore(result.score)} · `, review);
    } catch (error) {
      state.textContent = 'Failed';
      state.className = 'state error';
      row.dataset.status = 'error';
      outcome.replaceChildren(h('span', { class: 'error upload-error' }, error.message));
    }
  }

  return {
    title: `Upload — ${job.title}`,
    element: h('section', { 'aria-labelledby': 'upload-heading' },
      h('h1', { id: 'upload-heading' }, 'Upload resumes: ', job.title),
      h('p', {}, h('a', { href: `#/jobs/${encodeURIComponent(jobId)}/results` }, 'See this job’s results'), ' · ',
        h('a', { href: `#/review?job_id=${encodeURIComponent(jobId)}` }, 'Review this job')),
      h('div', { class: 'row' }, useNames, h('label', { for: 'names-from-files' }, 'Take candidate names from file names')),
      selfIdentification,
      zone,
      h('table', { class: 'uploads', id: 'uploads-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'File'), h('th', { scope: 'col' }, 'Progress'),
          h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, 'Decision or error'))),
        rows)),
  };
}
