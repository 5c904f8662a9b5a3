// The operator console: asks for the API token, then shows jobs, costs and channels, refreshed
// every few seconds. Every number on the page comes from the public REST API.
import { token, ApiError } from './api.js';
import { refreshJobs } from './jobs.js';
import { refreshCosts, refreshChannels } from './insights.js';

const REFRESH_MS = 3000;
const status = document.getElementById('status');
let timer;

function report(message, kind = 'info', code = '') {
  status.textContent = message;
  status.className = kind;
  status.dataset.code = code;
}

async function refresh() {
  try {
    await Promise.all([refreshJobs(report), refreshCosts(), refreshChannels()]);
    document.body.dataset.loaded = 'true';
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      stop();
      token.clear();
      report(`The token was refused: ${error.message}`, 'error', 'token-refused');
    } else {
      report(`Could not refresh: ${error.message}`, 'error');
    }
  }
}

function start() {
  document.getElementById('console').hidden = false;
  report('Connected.', 'ok', 'connected');
  refresh();
  clearInterval(timer);
  timer = setInterval(refresh, REFRESH_MS);
}

function stop() {
  clearInterval(timer);
  document.getElementById('console').hidden = true;
}

document.getElementById('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('token');
  token.set(input.value.trim());
  input.value = '';
  report('Connecting…');
  start();
});

document.getElementById('forget').addEventListener('click', () => {
  token.clear();
  stop();
  report('Token forgotten.');
});

if (token.get()) start();
