// Jobs by state with their per-layer progress; parked jobs with their step, reason and a Retry
// button; one job's scenes (clip previews as thumbnails) and its video player.
import { getJson, postJson, getObjectUrl } from './api.js';
import { el, shortId, when } from './dom.js';

const STATES = { RUNNING: 'jobs-running', PARKED: 'jobs-parked', DONE: 'jobs-done' };
let objectUrls = [];

export async function refreshJobs(report) {
  for (const [state, listId] of Object.entries(STATES)) {
    const { jobs } = await getJson(`/api/jobs?state=${state}&limit=50`);
    // only running jobs are read one by one for their progress: a list of parked or finished jobs
    // (which can be long) costs one request
    const detailed = state === 'RUNNING' ? await Promise.all(jobs.map((job) => getJson(`/api/jobs/${job.id}`))) : jobs;
    const list = document.getElementById(listId);
    list.replaceChildren(...detailed.map((job) => jobItem(job, report)));
    if (detailed.length === 0) list.append(el('li', { class: 'empty' }, 'none'));
  }
}

function jobItem(job, report) {
  const item = el('li', { class: 'job', 'data-job-id': job.id, 'data-state': job.state },
    el('div', { class: 'job-head' },
      el('button', { type: 'button', class: 'open', onclick: () => showJob(job.id, report) }, shortId(job.id)),
      ` ${job.channel} · ${job.step} · ${when(job.updatedAt)}`));
  if (job.progress) item.append(progressBar(job.progress.layers));
  if (job.state === 'PARKED') {
    item.append(el('p', { class: 'reason' }, `Parked at ${job.step}: ${job.failureReason ?? 'no reason recorded'}`),
      el('button', { type: 'button', class: 'retry', onclick: (event) => retry(job.id, event.target, report) }, 'Retry'));
  }
  return item;
}

function progressBar(layers) {
  return el('ol', { class: 'layers' }, layers.map((layer) => el('li', { class: `layer ${layer.state.toLowerCase()}`, title: layer.state },
    layer.step.toLowerCase(), layer.total > 1 || layer.unit === 'scenes' || layer.unit === 'platforms'
      ? el('span', { class: 'count' }, ` ${layer.done}/${layer.total}`) : null)));
}

async function retry(id, button, report) {
  button.disabled = true;
  try {
    const answer = await postJson(`/api/jobs/${id}/retry`);
    report(`Retry of job ${shortId(id)} accepted: ${answer.state} at ${answer.step}, attempt ${answer.attempt}`, 'ok', 'retry-accepted');
    await refreshJobs(report);
  } catch (error) {
    button.disabled = false;
    report(`Retry of job ${shortId(id)} refused: ${error.message}`, 'error');
  }
}

async function showJob(id, report) {
  const job = await getJson(`/api/jobs/${id}`);
  objectUrls.forEach(URL.revokeObjectURL);
  objectUrls = [];
  document.getElementById('job').hidden = false;
  document.getElementById('job-title').textContent = job.title ?? job.topic ?? `Job ${shortId(job.id)}`;
  document.getElementById('job-summary').textContent = `${job.id} · ${job.channel} · ${job.state} at ${job.step} · attempt ${job.attempt}`
    + (job.cost ? ` · generation $${job.cost.usd.toFixed(2)}` : '');
  const video = document.getElementById('job-video');
  video.replaceChildren(...job.renders.map((render) => el('figure', { class: 'rendition', 'data-rendition': render.rendition },
    el('figcaption', {}, `${render.rendition} (${render.width}×${render.height}) · ${render.seconds.toFixed(1)} s`))));
  if (job.renders.length === 0) video.append(el('p', { class: 'empty' }, 'No video yet.'));
  document.getElementById('job-scenes').replaceChildren(...job.scenes.map(sceneItem));
  for (const render of job.renders) {
    const base = `/api/jobs/${id}/renders/${encodeURIComponent(render.rendition)}`;
    const figure = video.querySelector(`[data-rendition="${CSS.escape(render.rendition)}"]`);
    const player = el('video', { controls: '', preload: 'metadata', class: 'player' });
    figure.prepend(player);
    load(player, 'poster', `${base}/thumbnail`, report);
    load(player, 'src', `${base}/video`, report);
  }
  for (const scene of job.scenes) {
    const clip = scene.clips.find((candidate) => candidate.state === 'SUCCEEDED');
    if (clip) load(document.querySelector(`#scene-${scene.index} video`), 'src', `/api/jobs/${id}/clips/${clip.key}`, report);
  }
}

function sceneItem(scene) {
  const clip = scene.clips.find((candidate) => candidate.state === 'SUCCEEDED');
  return el('li', { id: `scene-${scene.index}`, class: 'scene' },
    clip ? el('video', { muted: '', preload: 'metadata', class: 'thumb', title: `clip from ${clip.provider}` }) : el('div', { class: 'thumb none' }, 'no clip'),
    el('div', {}, el('p', { class: 'narration' }, scene.narration), el('p', { class: 'visual' }, scene.visualPrompt),
      scene.error ? el('p', { class: 'reason' }, scene.error) : null));
}

async function load(element, attribute, path, report) {
  try {
    const url = await getObjectUrl(path);
    objectUrls.push(url);
    element.setAttribute(attribute, url);
  } catch (error) {
    if (error.status !== 404) report(`Could not load ${path}: ${error.message}`, 'error');
  }
}
