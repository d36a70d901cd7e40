// Signing in to Vuoro and talking to the staff API, the same on every staff page: locally with a
// username and password, in AWS against Cognito. The token lives in this tab's sessionStorage, so the
// staff pages opened in one tab share one sign-in.
import { clearFeedback, node, say } from './ui.js';

const STORE = { token: 'vuoro.staff.token', refresh: 'vuoro.staff.refresh' };

const session = {
  token: sessionStorage.getItem(STORE.token),
  config: null,
  renewing: null,
  serverOffset: 0,
  page: null,
  form: null
};

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// ---------- talking to the API ----------

/** Sends one request with the sign-in token; a refused token is renewed once, then the page asks to sign in. */
export async function api(method, path, body, headers, renewed) {
  const init = { method: method, cache: 'no-store', headers: Object.assign({ Accept: 'application/json' }, headers) };
  if (session.token) {
    init.headers.Authorization = 'Bearer ' + session.token;
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'Vuoro could not be reached. Check the network connection; the page keeps trying.');
  }
  noteServerTime(response);
  if (response.status === 401) {
    // Refused before anything was done, so asking again with a renewed sign-in is safe.
    if (!renewed && await renewSignIn()) {
      return api(method, path, body, headers, true);
    }
    const message = await errorMessage(response);
    signOut('Please sign in again' + (message ? ' (' + message + ').' : '.'));
    throw new ApiError(401, message || 'Not signed in');
  }
  if (!response.ok && response.status !== 304) {
    throw new ApiError(response.status, await errorMessage(response) || ('The request failed (' + response.status + ').'));
  }
  return response;
}

export async function errorMessage(response) {
  try {
    const json = await response.json();
    return json && (json.error || json.message) ? String(json.error || json.message) : '';
  } catch (e) {
    return '';
  }
}

// The server's clock decides how long someone has waited; a tablet's clock may be off.
function noteServerTime(response) {
  const date = response.headers.get('Date');
  if (!date) {
    return;
  }
  const offset = Date.parse(date) - Date.now();
  session.serverOffset = Math.abs(offset) > 5000 ? offset : 0;
}

/** Now, by the server's clock. */
export function serverNow() {
  return Date.now() + session.serverOffset;
}

export function signedIn() {
  return Boolean(session.token);
}

// ---------- the page's part ----------

/**
 * Runs the sign-in of a page. The page's HTML has {@code #sign-in} (a card with a heading and a hint),
 * {@code #session} with {@code #username} and {@code #sign-out}, and {@code #feedback}.
 * {@code page.signedIn(me)} shows the page for the member of staff {@code GET /staff/api/me} describes;
 * {@code page.signedOut()} hides it before the sign-in form shows.
 */
export function startSession(page) {
  session.page = page;
  session.form = signInForm();
  document.getElementById('sign-in').append(session.form.form);
  document.getElementById('sign-out').addEventListener('click', () => {
    signOut('');
    say('You are signed out.', 'info');
  });
  if (session.token) {
    enter();
  } else {
    showSignIn('');
  }
}

function signInForm() {
  const username = node('input', {
    id: 'sign-in-username', name: 'username', autocomplete: 'username', spellcheck: false, required: true,
    attrs: { autocapitalize: 'none' }
  });
  const password = node('input', {
    id: 'sign-in-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true
  });
  const error = node('p', {
    id: 'sign-in-error', className: 'form-error', dataset: { testid: 'sign-in-error' }, attrs: { role: 'alert' }
  });
  const button = node('button', { type: 'submit', id: 'sign-in-button', className: 'primary', textContent: 'Sign in' });
  const form = node('form', { id: 'sign-in-form', noValidate: true },
    node('label', { htmlFor: username.id, textContent: 'Username' }), username,
    node('label', { htmlFor: password.id, textContent: 'Password' }), password,
    error, button);
  form.addEventListener('submit', signIn);
  return { form, username, password, error, button };
}

function showSignIn(message) {
  session.page.signedOut();
  document.getElementById('session').hidden = true;
  document.getElementById('sign-in').hidden = false;
  session.form.error.textContent = message || '';
  session.form.password.value = '';
  session.form.username.focus();
  document.title = 'Sign in – Vuoro';
  signInConfig().catch((e) => { session.form.error.textContent = e.message; });
}

/** Forgets the sign-in and shows the form, with why if there is a reason. */
export function signOut(message) {
  session.token = null;
  sessionStorage.removeItem(STORE.token);
  sessionStorage.removeItem(STORE.refresh);
  clearFeedback();
  showSignIn(message);
}

async function enter() {
  let response;
  try {
    response = await api('GET', '/staff/api/me');
  } catch (e) {
    if (e.status !== 401) {
      showSignIn(e.message);
    }
    return;
  }
  const me = await response.json();
  document.getElementById('sign-in').hidden = true;
  document.getElementById('session').hidden = false;
  document.getElementById('username').textContent = me.username;
  session.page.signedIn(me);
}

// ---------- signing in ----------

async function signInConfig() {
  if (!session.config) {
    const response = await fetch('/staff/api/sign-in', { cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(await errorMessage(response) || 'Sign-in is not available right now.');
    }
    session.config = await response.json();
  }
  return session.config;
}

async function signIn(event) {
  event.preventDefault();
  const { username: usernameField, password: passwordField, error, button } = session.form;
  const username = usernameField.value.trim();
  const password = passwordField.value;
  if (!username || !password) {
    error.textContent = 'Enter your username and password.';
    (username ? passwordField : usernameField).focus();
    return;
  }
  error.textContent = '';
  button.disabled = true;
  button.textContent = 'Signing in…';
  try {
    const config = await signInConfig();
    const token = config.method === 'cognito'
      ? await cognitoSignIn(config, username, password)
      : await passwordSignIn(config, username, password);
    session.token = token;
    sessionStorage.setItem(STORE.token, token);
    passwordField.value = '';
    await enter();
  } catch (e) {
    error.textContent = e.message;
    passwordField.select();
    passwordField.focus();
  } finally {
    button.disabled = false;
    button.textContent = 'Sign in';
  }
}

async function passwordSignIn(config, username, password) {
  let response;
  try {
    response = await fetch(config.loginUrl, {
      method: 'POST', cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: username, password: password })
    });
  } catch (e) {
    throw new Error('Vuoro could not be reached. Check the network connection.');
  }
  if (response.status === 401) {
    throw new Error('Wrong username or password.');
  }
  if (!response.ok) {
    throw new Error(await errorMessage(response) || ('Signing in failed (' + response.status + ').'));
  }
  const json = await response.json();
  if (!json.accessToken) {
    throw new Error('Signing in failed: no access token in the answer.');
  }
  return json.accessToken;
}

async function cognito(config, authFlow, parameters) {
  let response;
  try {
    response = await fetch('https://cognito-idp.' + config.cognitoRegion + '.amazonaws.com/', {
      method: 'POST', cache: 'no-store',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth'
      },
      body: JSON.stringify({ AuthFlow: authFlow, ClientId: config.cognitoClientId, AuthParameters: parameters })
    });
  } catch (e) {
    throw new Error('The sign-in service could not be reached. Check the network connection.');
  }
  let json = {};
  try {
    json = await response.json();
  } catch (e) {
    json = {};
  }
  return { response: response, json: json };
}

async function cognitoSignIn(config, username, password) {
  const { response, json } = await cognito(config, 'USER_PASSWORD_AUTH', { USERNAME: username, PASSWORD: password });
  if (!response.ok) {
    const type = String(json.__type || '');
    if (type.indexOf('NotAuthorized') >= 0 || type.indexOf('UserNotFound') >= 0) {
      throw new Error('Wrong username or password.');
    }
    throw new Error(json.message || ('Signing in failed (' + response.status + ').'));
  }
  if (json.ChallengeName) {
    throw new Error(json.ChallengeName === 'NEW_PASSWORD_REQUIRED'
      ? 'This account must set a new password first. Ask the coordinator.'
      : 'This account needs a sign-in step the staff pages do not support (' + json.ChallengeName + ').');
  }
  const result = json.AuthenticationResult || {};
  if (!result.AccessToken) {
    throw new Error('Signing in failed: no access token in the answer.');
  }
  if (result.RefreshToken) {
    sessionStorage.setItem(STORE.refresh, result.RefreshToken);
  }
  return result.AccessToken;
}

// Cognito's access tokens last an hour: renew one quietly rather than interrupt a shift at the desk.
function renewSignIn() {
  if (!session.renewing) {
    session.renewing = (async () => {
      const refreshToken = sessionStorage.getItem(STORE.refresh);
      if (!refreshToken) {
        return false;
      }
      try {
        const config = await signInConfig();
        if (config.method !== 'cognito') {
          return false;
        }
        const { response, json } = await cognito(config, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken });
        const token = response.ok && json.AuthenticationResult && json.AuthenticationResult.AccessToken;
        if (!token) {
          sessionStorage.removeItem(STORE.refresh);
          return false;
        }
        session.token = token;
        sessionStorage.setItem(STORE.token, token);
        return true;
      } catch (e) {
        return false;
      }
    })().finally(() => { session.renewing = null; });
  }
  return session.renewing;
}
