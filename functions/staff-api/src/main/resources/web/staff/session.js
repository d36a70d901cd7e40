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
  form: null,
  newPassword: null,
  // A first sign-in with a temporary password, while its new password is chosen: {username, password, session}.
  challenge: null
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
  session.newPassword = newPasswordForm();
  document.getElementById('sign-in').append(session.form.form, session.newPassword.form);
  document.getElementById('sign-out').addEventListener('click', async () => {
    const ended = await endSignIn();
    signOut('');
    say(ended ? 'You are signed out.'
      : 'You are signed out on this device. The sign-in service could not be reached to end the sign-in; it ends '
        + 'by itself within 12 hours.', 'info');
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

// The first sign-in of an account made by a coordinator: Cognito asks for a password of the member's own in place of
// the temporary one it emailed them. The rules are the user pool's (template.yaml, StaffUserPool PasswordPolicy).
function newPasswordForm() {
  const intro = node('p', { id: 'new-password-intro' });
  const policy = node('p', {
    id: 'new-password-policy', className: 'hint',
    textContent: 'At least 12 characters, with a lower-case and an upper-case letter, a digit and a symbol (such as ! ? # or %).'
  });
  const described = { 'aria-describedby': 'new-password-intro new-password-policy' };
  const password = node('input', {
    id: 'sign-in-new-password', name: 'new-password', type: 'password', autocomplete: 'new-password', required: true,
    attrs: described
  });
  const again = node('input', {
    id: 'sign-in-new-password-again', name: 'new-password-again', type: 'password', autocomplete: 'new-password',
    required: true
  });
  const error = node('p', {
    id: 'new-password-error', className: 'form-error', dataset: { testid: 'new-password-error' }, attrs: { role: 'alert' }
  });
  const button = node('button', {
    type: 'submit', id: 'new-password-button', className: 'primary', textContent: 'Set password and sign in'
  });
  const back = node('button', { type: 'button', id: 'new-password-back', className: 'quiet', textContent: 'Back' });
  const form = node('form', { id: 'new-password-form', noValidate: true, hidden: true },
    intro, policy,
    node('label', { htmlFor: password.id, textContent: 'New password' }), password,
    node('label', { htmlFor: again.id, textContent: 'New password again' }), again,
    error, button, back);
  form.addEventListener('submit', setNewPassword);
  back.addEventListener('click', () => showSignIn(''));
  return { form, intro, password, again, error, button };
}

function showNewPassword(challenge) {
  session.challenge = challenge;
  const step = session.newPassword;
  session.form.form.hidden = true;
  step.form.hidden = false;
  step.intro.textContent = 'Welcome, ' + challenge.username + '. Choose a password of your own to replace the '
    + 'temporary one from your email.';
  step.error.textContent = '';
  step.password.value = '';
  step.again.value = '';
  step.password.focus();
  document.title = 'Choose a password – Vuoro';
}

function showSignIn(message) {
  session.challenge = null;
  session.newPassword.form.hidden = true;
  session.form.form.hidden = false;
  session.page.signedOut();
  document.getElementById('session').hidden = true;
  document.getElementById('sign-in').hidden = false;
  session.form.error.textContent = message || '';
  session.form.password.value = '';
  session.form.username.focus();
  document.title = 'Sign in – Vuoro';
  signInConfig().catch((e) => { session.form.error.textContent = e.message; });
}

/**
 * Sign-out: revokes the refresh token, so it renews nothing any more (Cognito's RevokeToken, or the local
 * runtime's sign-out). Whether it was revoked; without one there is nothing to end.
 */
async function endSignIn() {
  const refreshToken = sessionStorage.getItem(STORE.refresh);
  if (!refreshToken) {
    return true;
  }
  try {
    const config = await signInConfig();
    if (config.method === 'cognito') {
      const { response } = await cognito(config, 'RevokeToken', { Token: refreshToken, ClientId: config.cognitoClientId });
      return response.ok;
    }
    const response = await fetch(config.signOutUrl, {
      method: 'POST', cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: refreshToken })
    });
    return response.ok;
  } catch (e) {
    return false;
  }
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
    passwordField.value = '';
    if (token.challenge) {
      showNewPassword({ username: username, password: password, session: token.challenge });
      return;
    }
    await signedInWith(token);
  } catch (e) {
    error.textContent = e.message;
    passwordField.select();
    passwordField.focus();
  } finally {
    button.disabled = false;
    button.textContent = 'Sign in';
  }
}

async function signedInWith(token) {
  session.token = token;
  sessionStorage.setItem(STORE.token, token);
  await enter();
}

async function setNewPassword(event) {
  event.preventDefault();
  const { password, again, error, button } = session.newPassword;
  if (!password.value) {
    error.textContent = 'Enter a new password.';
    password.focus();
    return;
  }
  if (password.value !== again.value) {
    error.textContent = 'The two passwords differ. Type the same new password in both fields.';
    again.select();
    again.focus();
    return;
  }
  error.textContent = '';
  button.disabled = true;
  button.textContent = 'Setting the password…';
  try {
    const token = await answerNewPassword(await signInConfig(), password.value, true);
    password.value = '';
    again.value = '';
    session.challenge = null;
    await signedInWith(token);
  } catch (e) {
    if (session.challenge) {
      error.textContent = e.message;
      password.select();
      password.focus();
    } else {
      showSignIn(e.message);
    }
  } finally {
    button.disabled = false;
    button.textContent = 'Set password and sign in';
  }
}

// A challenge's session lasts a few minutes; one that has ended is begun again with the temporary password, once.
async function answerNewPassword(config, newPassword, mayRenew) {
  const challenge = session.challenge;
  const { response, json } = await cognito(config, 'RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED', ClientId: config.cognitoClientId, Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: newPassword }
  });
  if (response.ok) {
    return signInResult(json);
  }
  const type = String(json.__type || '');
  if (type.indexOf('InvalidPassword') >= 0) {
    throw new Error('This password is not accepted: ' + (json.message || 'it does not meet the rules above') + '.');
  }
  if (type.indexOf('NotAuthorized') >= 0 && mayRenew) {
    let renewed;
    try {
      renewed = await cognitoSignIn(config, challenge.username, challenge.password);
    } catch (e) {
      session.challenge = null;
      throw new Error('Setting a password took too long, and the temporary password no longer works. '
        + 'Ask the coordinator for a new temporary password.');
    }
    if (!renewed.challenge) {
      return renewed;
    }
    challenge.session = renewed.challenge;
    return answerNewPassword(config, newPassword, false);
  }
  if (type.indexOf('NotAuthorized') >= 0) {
    throw new Error('Setting a password took too long. Please try again.');
  }
  throw new Error(json.message || ('Setting the password failed (' + response.status + ').'));
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
  if (json.refreshToken) {
    sessionStorage.setItem(STORE.refresh, json.refreshToken);
  }
  return json.accessToken;
}

/** One request of Cognito's sign-in API, e.g. InitiateAuth, at the endpoint the sign-in configuration names. */
async function cognito(config, operation, body) {
  let response;
  try {
    response = await fetch(config.cognitoEndpoint, {
      method: 'POST', cache: 'no-store',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.' + operation
      },
      body: JSON.stringify(body)
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

function initiateAuth(config, authFlow, parameters) {
  return cognito(config, 'InitiateAuth', { AuthFlow: authFlow, ClientId: config.cognitoClientId, AuthParameters: parameters });
}

/** The access token, or {challenge: session} when Cognito asks for a new password first. */
async function cognitoSignIn(config, username, password) {
  const { response, json } = await initiateAuth(config, 'USER_PASSWORD_AUTH', { USERNAME: username, PASSWORD: password });
  if (!response.ok) {
    const type = String(json.__type || '');
    if (type.indexOf('NotAuthorized') >= 0 || type.indexOf('UserNotFound') >= 0) {
      throw new Error('Wrong username or password.');
    }
    throw new Error(json.message || ('Signing in failed (' + response.status + ').'));
  }
  if (json.ChallengeName === 'NEW_PASSWORD_REQUIRED' && json.Session) {
    return { challenge: json.Session };
  }
  if (json.ChallengeName) {
    throw new Error('This account needs a sign-in step the staff pages do not support (' + json.ChallengeName + ').');
  }
  return signInResult(json);
}

function signInResult(json) {
  const result = json.AuthenticationResult || {};
  if (!result.AccessToken) {
    throw new Error('Signing in failed: no access token in the answer.');
  }
  if (result.RefreshToken) {
    sessionStorage.setItem(STORE.refresh, result.RefreshToken);
  }
  return result.AccessToken;
}

// Access tokens last 15 minutes: renew one quietly with the refresh token rather than interrupt a shift at the desk.
function renewSignIn() {
  if (!session.renewing) {
    session.renewing = (async () => {
      const refreshToken = sessionStorage.getItem(STORE.refresh);
      if (!refreshToken) {
        return false;
      }
      try {
        const config = await signInConfig();
        const token = config.method === 'cognito'
          ? await cognitoRefresh(config, refreshToken)
          : await passwordRefresh(config, refreshToken);
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

async function cognitoRefresh(config, refreshToken) {
  const { response, json } = await initiateAuth(config, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken });
  return response.ok && json.AuthenticationResult && json.AuthenticationResult.AccessToken;
}

async function passwordRefresh(config, refreshToken) {
  if (!config.refreshUrl) {
    return null;
  }
  const response = await fetch(config.refreshUrl, {
    method: 'POST', cache: 'no-store',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ refreshToken: refreshToken })
  });
  const json = response.ok ? await response.json() : {};
  return json.accessToken;
}
