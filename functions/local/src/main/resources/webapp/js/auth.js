// Sign-in through Cognito's hosted UI: the authorization-code flow with PKCE (RFC 7636), no client secret. The app's
// configuration comes from /config.json (written by Terraform in AWS; locally it has no "auth", and there is no
// sign-in). Tokens live in sessionStorage: they end with the tab and are never sent anywhere but the API.
import { h, replace } from './dom.js';

const TOKENS = 'auth.tokens';
const PENDING = 'auth.pending';
/** Refresh this long before the access token expires, so a request never leaves with a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

let config = { api_url: '', auth: null };

/** The API's base URL ('' = this origin). */
export function apiBase() {
  return config.api_url || '';
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

async function challengeOf(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

function claimsOf(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(Array.from(atob(payload), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('')));
}

function storedTokens() {
  try {
    return JSON.parse(sessionStorage.getItem(TOKENS) || 'null');
  } catch {
    return null;
  }
}

function store(answer, previousRefreshToken) {
  const tokens = {
    access_token: answer.access_token,
    id_token: answer.id_token,
    // a refresh answers no new refresh token: keep the one that was used
    refresh_token: answer.refresh_token || previousRefreshToken,
    expires_at: Date.now() + answer.expires_in * 1000,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  return tokens;
}

async function tokenRequest(fields) {
  const response = await fetch(`${config.auth.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.auth.client_id, ...fields }),
  });
  if (!response.ok) throw new Error(`sign-in failed: the token endpoint answered ${response.status}`);
  return response.json();
}

/** Leaves for the hosted UI; the browser comes back to redirect_uri with ?code=...&state=... */
export async function signIn() {
  const verifier = randomString(32);
  const state = randomString(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.auth.client_id,
    redirect_uri: config.auth.redirect_uri,
    scope: config.auth.scopes.join(' '),
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${config.auth.domain}/oauth2/authorize?${query}`);
  return new Promise(() => {});
}

async function completeSignIn(params) {
  let pending = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  } catch {
    pending = null;
  }
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname + ((pending && pending.hash) || ''));
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('sign-in refused: the answer does not belong to a sign-in started here');
  }
  store(await tokenRequest({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: config.auth.redirect_uri,
    code_verifier: pending.verifier,
  }));
}

/** Revokes the refresh token and signs out of the hosted UI, which then returns to the app (and to sign-in). */
export async function signOut() {
  const tokens = storedTokens();
  sessionStorage.removeItem(TOKENS);
  if (tokens && tokens.refresh_token) {
    await fetch(`${config.auth.domain}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.refresh_token, client_id: config.auth.client_id }),
    }).catch(() => null);
  }
  const query = new URLSearchParams({ client_id: config.auth.client_id, logout_uri: config.auth.redirect_uri });
  location.assign(`${config.auth.domain}/logout?${query}`);
}

/** Headers that authorise an API call: none locally; the access token (refreshed when due) when signed in. */
export async function authorization() {
  if (!config.auth) return {};
  let tokens = storedTokens();
  if (tokens && tokens.expires_at - EXPIRY_MARGIN_MS < Date.now()) {
    tokens = tokens.refresh_token
      ? await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
        .then((answer) => store(answer, tokens.refresh_token), () => null)
      : null;
  }
  if (!tokens) return signIn();
  return { authorization: `Bearer ${tokens.access_token}` };
}

/** An API answer of 401: the session is over (revoked, or the user was disabled); sign in again. */
export function unauthorised() {
  sessionStorage.removeItem(TOKENS);
  return config.auth ? signIn() : Promise.resolve();
}

/**
 * Reads /config.json, finishes a sign-in the hosted UI sent back, or starts one, and shows who is signed in.
 * Resolves once API calls can be made.
 */
export async function startSession() {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`the app's configuration could not be read (${response.status})`);
  config = await response.json();
  const label = document.getElementById('env-label');
  if (!config.auth) {
    label.textContent = 'local stack — no sign-in';
    return;
  }
  const params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error')) {
    if (params.has('error')) throw new Error('sign-in failed: ' + params.get('error'));
    await completeSignIn(params);
  }
  if (!storedTokens()) await signIn();
  const claims = claimsOf(storedTokens().id_token);
  replace(label, `Signed in as ${claims.email || claims['cognito:username']} `,
    h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: () => signOut() }, 'Sign out'));
}
