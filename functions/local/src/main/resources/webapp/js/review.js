// Review: one resume at a time from the review queue (or the result opened from the results), beside its job's
// description; Shortlist / Reject / Skip / Undo with s, r, k, u. Undo takes back the last review made in this session
// (POST /api/v1/feedback/undo) and shows that resume again, unreviewed, to decide anew.
import { api } from './api.js';
import { h, replace, formatScore, formatPercent, toast, highlighted } from './dom.js';
import { refreshTrainingBar } from './app.js';

const QUEUE_SIZE = 20;

/**
 * Why the score: the job's terms found in the resume and the important ones missing (computed at screening), the
 * job's scale when it was not 1, and the blend with the earlier applicants most like this resume when there was one.
 */
function explanationOf(result) {
  if (!result.explanation) return h('p', { class: 'muted' }, 'No explanation: the resume had no text to score.');
  const scale = result.explanation.job_scale;
  const terms = (list, kind) => list.length
    ? h('ul', { class: `terms ${kind}` }, list.map((term) => h('li', {}, term)))
    : h('span', { class: 'muted' }, 'none');
  return [
    h('div', { class: 'row' }, h('strong', {}, 'Found in the resume:'), terms(result.explanation.found, 'found')),
    h('div', { class: 'row' }, h('strong', {}, 'Missing:'), terms(result.explanation.missing, 'missing')),
    scale !== 1
      ? h('p', { class: 'muted job-scale' }, `This job's applicants match its description ${scale > 1 ? 'less' : 'more'}`
        + ` than most jobs' do, so its similarities were ${scale > 1 ? 'raised' : 'lowered'} ×${scale.toFixed(2)}`
        + ' for this score.')
      : null,
    result.explanation.similar_applicants > 0
      ? h('p', { class: 'muted similar-applicants' }, `On its own this resume scored `
        + `${formatScore(result.explanation.own_score)}; the ${result.explanation.similar_applicants} earlier applicants `
        + `whose resumes read most like it scored ${formatScore(result.explanation.similar_applicants_score)} on `
        + `average, and weigh ${Math.round(100 * result.explanation.similar_applicants_weight)}% of the score.`)
      : null,
  ];
}

/**
 * The job's description as resumes are matched against it: the sections about the employer, the offer and the
 * application and the labelled conditions of employment, which the screen leaves out, are greyed and said to be.
 */
function jobDescription(job) {
  const parts = job.description_parts;
  const leftOut = parts.some((part) => !part.matched);
  return [
    h('h2', {}, 'Job description'),
    leftOut
      ? h('p', { class: 'muted', id: 'job-left-out-note' }, 'Greyed sections are about the employer, the offer, '
        + 'the application or the conditions of employment: resumes are not matched against them.')
      : null,
    h('pre', { class: 'job-text' }, parts.map((part) => part.matched
      ? part.text
      : h('span', { class: 'left-out', title: 'not matched against resumes' }, part.text))),
  ];
}

export async function reviewScreen(params) {
  const jobFilter = params.get('job_id') || '';
  const openedId = params.get('result_id');
  const jobs = new Map();
  const skipped = new Set();
  const history = [];      // results as this session's reviews left them (with their review_version), for Undo
  let queue = [];
  let current = null;
  let busy = false;
  let frameUrl = null;
  const timings = (window.__reviewTimings = []);

  const heading = h('h1', { id: 'review-heading' }, 'Review');
  const facts = h('dl', { class: 'facts', id: 'review-facts' });
  const resumePanel = h('div', { class: 'panel', id: 'resume-panel', 'aria-label': 'Resume' });
  const jobPanel = h('div', { class: 'panel', id: 'job-panel', 'aria-label': 'Job description' });
  const notes = h('input', { type: 'text', id: 'review-notes', maxlength: 1000, autocomplete: 'off' });
  const message = h('p', { class: 'muted', 'aria-live': 'polite', id: 'review-message' });
  const shortlist = h('button', { type: 'button', class: 'primary', id: 'btn-shortlist', 'aria-keyshortcuts': 's',
    onclick: () => decide('shortlist') }, 'Shortlist ', h('kbd', {}, 's'));
  const reject = h('button', { type: 'button', class: 'danger', id: 'btn-reject', 'aria-keyshortcuts': 'r',
    onclick: () => decide('reject') }, 'Reject ', h('kbd', {}, 'r'));
  const skip = h('button', { type: 'button', id: 'btn-skip', 'aria-keyshortcuts': 'k', onclick: () => skipCurrent() },
    'Skip ', h('kbd', {}, 'k'));
  const undo = h('button', { type: 'button', id: 'btn-undo', 'aria-keyshortcuts': 'u', onclick: () => undoLast() },
    'Undo ', h('kbd', {}, 'u'));
  const content = h('div', { id: 'review-content' });
  const actions = h('div', { class: 'actions' }, shortlist, reject, skip, undo,
    h('div', { class: 'notes' }, h('label', { for: 'review-notes' }, 'Notes (saved with the decision)'), notes));
  const grid = h('div', { class: 'review-grid' }, resumePanel, jobPanel);
  const explanationPanel = h('div', { class: 'explanation', id: 'explanation' });

  async function job(jobId) {
    if (!jobs.has(jobId)) jobs.set(jobId, await api.getJob(jobId));
    return jobs.get(jobId);
  }

  async function refill() {
    const data = await api.reviewQueue(jobFilter || undefined, QUEUE_SIZE);
    const known = new Set(history.map((r) => r.screening_result_id));
    queue = data.results.filter((r) => !skipped.has(r.screening_result_id) && !known.has(r.screening_result_id));
  }

  async function showNext() {
    if (!queue.length) await refill();
    current = queue.shift() || null;
    await show(current);
  }

  async function show(result) {
    undo.disabled = history.length === 0;
    if (!result) {
      heading.textContent = 'Review';
      delete content.dataset.resultId;
      replace(content, h('p', { id: 'queue-empty' }, skipped.size
        ? `Nothing left to review here (${skipped.size} skipped in this session).`
        : 'Nothing left to review here.'), h('div', { class: 'actions' }, undo), message);
      return;
    }
    if (!content.contains(grid)) replace(content, facts, explanationPanel, actions, message, grid);
    const resultJob = await job(result.job_id);
    heading.textContent = `Review: ${result.candidate_name ?? '(no name)'}`;
    replace(facts,
      h('dt', {}, 'Candidate'), h('dd', { id: 'review-candidate' }, result.candidate_name ?? '(no name)'),
      h('dt', {}, 'Job'), h('dd', {}, resultJob.title),
      h('dt', {}, 'Score'), h('dd', { id: 'review-score' }, formatScore(result.score)),
      h('dt', {}, 'AI decision'), h('dd', {}, h('span', { class: `badge ${result.decision}` }, result.decision)),
      h('dt', {}, 'Confidence'), h('dd', {}, formatPercent(result.confidence)),
      h('dt', {}, 'Model version'), h('dd', {}, result.model_version ?? '—'),
      h('dt', {}, 'Reviewed'), h('dd', {}, result.human_reviewed ? `yes: ${result.human_decision}` : 'not yet'),
      ...(result.hidden_characters > 0 ? [h('dt', {}, 'Hidden text'), h('dd', { id: 'review-hidden-text' },
        `${result.hidden_characters} characters in the file that no reader sees (white on white, the colour of ` +
        'what lies under them, transparent, invisible, too small, off the page or in a hidden layer) were not read ' +
        'and do not count in the score')] : []),
      ...(result.copied_characters > 0 ? [h('dt', {}, 'Copied text'), h('dd', { id: 'review-copied-text' },
        `${result.copied_characters} characters of the text are copied word for word from the job description ` +
        '(12 or more words in a row) and do not count in the score')] : []),
      ...(result.repeated_characters > 0 ? [h('dt', {}, 'Repeated text'), h('dd', { id: 'review-repeated-text' },
        `${result.repeated_characters} characters of the text repeat what it already says twice ` +
        '(the same 4 words in a row, or 12 words in a row each said twice before) and do not count in the score ' +
        'again')] : []));
    replace(jobPanel, ...jobDescription(resultJob));
    notes.value = result.notes || '';
    replace(explanationPanel, explanationOf(result));
    await showText(result);
    content.dataset.resultId = result.screening_result_id;
  }

  // the text the model read, the explanation's found terms marked; the original file one click away
  async function showText(result) {
    const found = result.explanation ? result.explanation.found : [];
    const toOriginal = h('button', { type: 'button', id: 'btn-original', onclick: () => showOriginal(result) },
      'Show the original file');
    replace(resumePanel, h('h2', {}, 'Resume'), h('p', { class: 'muted' }, 'Loading…'));
    try {
      const text = await api.originalText(result.screening_result_id, true);
      if (current !== result) return;
      replace(resumePanel, h('div', { class: 'row' }, h('h2', {}, 'Resume, as the model read it'), toOriginal),
        h('pre', { class: 'resume-text', id: 'resume-text' }, highlighted(text, found)));
    } catch (error) {
      replace(resumePanel, h('h2', {}, 'Resume'), h('p', { class: 'error' }, error.message), toOriginal);
    }
  }

  async function showOriginal(result) {
    const toText = h('button', { type: 'button', id: 'btn-text', onclick: () => showText(result) },
      'Show the text with found terms');
    const header = h('div', { class: 'row' }, h('h2', {}, 'Resume, as uploaded'), toText);
    if (/\.pdf$/i.test(result.file_name || '')) {
      try {
        const url = await api.originalObjectUrl(result.screening_result_id);
        if (frameUrl) URL.revokeObjectURL(frameUrl);
        frameUrl = url;
        if (current === result) {
          replace(resumePanel, header, h('iframe', { class: 'resume-frame', src: url,
            title: `Resume of ${result.candidate_name ?? 'the candidate'} (PDF)` }));
        }
      } catch (error) {
        replace(resumePanel, header, h('p', { class: 'error' }, error.message));
      }
      return;
    }
    try {
      const text = await api.originalText(result.screening_result_id, false);
      if (current === result) replace(resumePanel, header, h('pre', { class: 'resume-text' }, text));
    } catch (error) {
      replace(resumePanel, header, h('p', { class: 'error' }, error.message));
    }
  }

  async function decide(decision) {
    if (!current || busy) return;
    busy = true;
    const started = performance.now();
    const result = current;
    try {
      const answer = await api.submitReview(result.screening_result_id, decision, notes.value.trim());
      history.push(answer.result || result);
      message.textContent = `${result.candidate_name ?? 'Result'}: ${decision}`;
      await showNext();
      timings.push(performance.now() - started);
      refreshTrainingBar();
    } catch (error) {
      toast(error.message);
    } finally {
      busy = false;
    }
  }

  async function skipCurrent() {
    if (!current || busy) return;
    skipped.add(current.screening_result_id);
    message.textContent = `Skipped ${current.candidate_name ?? 'result'}`;
    await showNext();
  }

  async function undoLast() {
    if (!history.length || busy) return;
    busy = true;
    const last = history[history.length - 1];
    try {
      const answer = await api.undoReview(last.screening_result_id, last.review_version);
      history.pop();
      if (current) queue.unshift(current);
      current = answer.result;
      message.textContent = `Undid the review of ${current.candidate_name ?? 'result'}: it is unreviewed again`;
      await show(current);
      refreshTrainingBar();
    } catch (error) {
      // a refusal (reviewed again since, already undone, someone else's review) stays refused: go on to the one before
      if (error.status === 403 || error.status === 404 || error.status === 409) history.pop();
      undo.disabled = history.length === 0;
      message.textContent = `Undo refused: ${error.message}`;
      toast(error.message);
    } finally {
      busy = false;
    }
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const target = event.target;
    if (target instanceof HTMLElement && (target.matches('input, textarea, select') || target.isContentEditable)) return;
    if (document.querySelector('dialog[open]')) return;
    const action = { s: () => decide('shortlist'), r: () => decide('reject'), k: () => skipCurrent(), u: () => undoLast() }[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }
  document.addEventListener('keydown', onKey);

  if (openedId) {
    current = await api.getResult(openedId);
    await show(current);
  } else {
    await showNext();
  }

  const element = h('section', { 'aria-labelledby': 'review-heading' },
    heading,
    h('p', { class: 'muted' }, jobFilter ? 'The review queue of this job, most uncertain first. ' : 'The review queue of all jobs, most uncertain first. ',
      'Keys: ', h('kbd', {}, 's'), ' shortlist, ', h('kbd', {}, 'r'), ' reject, ', h('kbd', {}, 'k'), ' skip, ',
      h('kbd', {}, 'u'), ' undo (they work whenever the notes field is not focused).'),
    content);
  shortlist.setAttribute('data-autofocus', '');
  return { title: 'Review', element, cleanup: () => document.removeEventListener('keydown', onKey) };
}
