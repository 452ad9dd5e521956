// The API (same origin locally and behind the app's CloudFront distribution). Errors are thrown as ApiError with the
// API's own code and message.
import { apiBase, authorization, unauthorised } from './auth.js';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** fetch() of an API path with the caller's authorization; a 401 (session over) leads to sign-in. */
async function apiFetch(path, init = {}) {
  const response = await fetch(apiBase() + path, { ...init, headers: { ...init.headers, ...(await authorization()) } });
  if (response.status === 401) await unauthorised();
  return response;
}

async function request(method, path, body, headers = {}) {
  const init = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await apiFetch(path, init);
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    throw errorOf(response.status, data);
  }
  return data;
}

export function errorOf(status, data) {
  const error = data && data.error;
  return new ApiError(status, error ? error.code : 'http_' + status,
    error ? error.message : `the server answered ${status}`);
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

const id = (value) => encodeURIComponent(value);

export const api = {
  listJobs: (limit, nextToken) => request('GET', '/api/v1/jobs' + query({ limit, next_token: nextToken })),
  getJob: (jobId) => request('GET', `/api/v1/jobs/${id(jobId)}`),
  createJob: (job) => request('POST', '/api/v1/jobs', job),
  updateThreshold: (jobId, threshold) => request('PATCH', `/api/v1/jobs/${id(jobId)}`, { threshold }),
  listResults: (jobId, { limit, nextToken, reviewed, sort }) =>
    request('GET', `/api/v1/screening/results/${id(jobId)}` + query({ limit, next_token: nextToken, reviewed, sort })),
  adverseImpact: (jobId, from, to) => request('GET', '/api/v1/reports/adverse-impact' + query({ job_id: jobId, from, to })),
  getResult: (resultId) => request('GET', `/api/v1/screening/result/${id(resultId)}`),
  /**
   * The original file as an object URL for a frame: fetched with the caller's token (a frame's own request would carry
   * none in AWS). The caller revokes it.
   */
  originalObjectUrl: async (resultId) => {
    const response = await apiFetch(`/api/v1/screening/result/${id(resultId)}/original`);
    if (!response.ok) {
      let data = null;
      try { data = await response.json(); } catch { data = null; }
      throw errorOf(response.status, data);
    }
    return URL.createObjectURL(await response.blob());
  },
  /** The resume as text: the original of a text upload, or with `redacted` the text the model read. */
  originalText: async (resultId, redacted) => {
    const response = await apiFetch(`/api/v1/screening/result/${id(resultId)}/original` + query({ view: redacted ? 'text' : '' }));
    if (!response.ok) {
      let data = null;
      try { data = await response.json(); } catch { data = null; }
      throw errorOf(response.status, data);
    }
    return response.text();
  },
  reviewQueue: (jobId, limit) => request('GET', '/api/v1/feedback/review-queue' + query({ job_id: jobId, limit })),
  submitReview: (resultId, decision, notes) => request('POST', '/api/v1/feedback/submit',
    { screening_result_id: resultId, human_decision: decision, notes: notes || undefined }),
  /** Takes back the review that left the result at `reviewVersion`; answers the result, unreviewed. */
  undoReview: (resultId, reviewVersion) => request('POST', '/api/v1/feedback/undo',
    { screening_result_id: resultId, review_version: reviewVersion }),
  trainingStatus: () => request('GET', '/api/v1/feedback/training-status'),
  triggerTraining: (body) => request('POST', '/api/v1/feedback/trigger-training', body),
  trainingRun: (runId) => request('GET', `/api/v1/training/runs/${id(runId)}`),
  trainingRuns: (limit, nextToken) => request('GET', '/api/v1/training/runs' + query({ limit, next_token: nextToken })),
  models: () => request('GET', '/api/v1/models'),
  activate: (body) => request('POST', '/api/v1/models/activate', body),
  rollback: () => request('POST', '/api/v1/models/rollback'),
};

/**
 * Files larger than this go straight to the bucket through a presigned PUT: in AWS, API Gateway and Lambda refuse
 * requests over 6 MB, and a file inside a request grows by a third (base64) or by its multipart framing.
 */
export const DIRECT_UPLOAD_BYTES = 4 * 1024 * 1024;
/** Headers of a presigned PUT that the browser sets itself and may not be given. */
const SET_BY_THE_BROWSER = new Set(['content-length', 'host']);

/**
 * Uploads one file with XMLHttpRequest (fetch reports no upload progress); onProgress gets a fraction 0..1. Up to
 * DIRECT_UPLOAD_BYTES as multipart/form-data, larger ones through a presigned PUT and then by upload_id. `fields` are
 * more form fields (the voluntary self-identification); `idempotencyKey` makes a retry of the same upload answer the
 * same result. Resolves with the result (with duplicate_of when the job already had the file), rejects with an
 * ApiError carrying the API's message.
 */
export async function uploadResume(jobId, file, candidateName, fields, idempotencyKey, onProgress) {
  if (file.size > DIRECT_UPLOAD_BYTES) {
    return uploadThroughBucket(jobId, file, candidateName, fields, idempotencyKey, onProgress);
  }
  const headers = await authorization();
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('job_id', jobId);
    if (candidateName) form.append('candidate_name', candidateName);
    for (const [name, value] of Object.entries(fields)) {
      if (value) form.append(name, value);
    }
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiBase() + '/api/v1/screening/upload-resume');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(errorOf(xhr.status, data));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network_error', 'the upload could not reach the server')));
    xhr.send(form);
  });
}

async function uploadThroughBucket(jobId, file, candidateName, fields, idempotencyKey, onProgress) {
  const contentType = file.type || 'application/octet-stream';
  const target = await request('POST', `/api/v1/jobs/${id(jobId)}/uploads`,
    { file_name: file.name, content_type: contentType, size: file.size });
  await putToBucket(target, file, onProgress);
  const body = { job_id: jobId, upload_id: target.upload_id, file_name: file.name, content_type: contentType };
  if (candidateName) body.candidate_name = candidateName;
  for (const [name, value] of Object.entries(fields)) {
    if (value) body[name] = value;
  }
  return request('POST', '/api/v1/screening/upload-resume', body, { 'Idempotency-Key': idempotencyKey });
}

/** PUTs the file to a presigned URL with the headers signed into it; the caller's token never goes there. */
function putToBucket(target, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.url);
    for (const [name, value] of Object.entries(target.headers)) {
      if (!SET_BY_THE_BROWSER.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else reject(new ApiError(xhr.status, 'upload_refused', `the file store refused the file (${xhr.status})`));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network_error', 'the upload could not reach the file store')));
    xhr.send(file);
  });
}
