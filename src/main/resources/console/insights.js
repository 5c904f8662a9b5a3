// Costs per day and provider as a stacked bar chart (Chart.js, vendored: chart.umd.min.js), and each
// channel's performance (GET /api/channels/{id}/performance; "no performance data yet" on a 404).
import { getJson, ApiError } from './api.js';
import { el, when } from './dom.js';

let chart;

export async function refreshCosts() {
  const costs = await getJson('/api/costs');
  const days = [...new Set(costs.days.map((row) => row.day))];
  const providers = [...new Set(costs.days.map((row) => row.provider))];
  const datasets = providers.map((provider) => ({
    label: provider,
    data: days.map((day) => costs.days.find((row) => row.day === day && row.provider === provider)?.usd ?? 0),
    maxBarThickness: 48,
  }));
  document.getElementById('costs-total').textContent = `Total $${costs.totalUsd.toFixed(2)}: generation $${costs.generationUsd.toFixed(2)}, `
    + `writing $${costs.writingUsd.toFixed(2)}` + (days.length === 0 ? ' · no paid generation yet' : '');
  if (!window.Chart) return;
  if (!chart) {
    chart = new window.Chart(document.getElementById('cost-chart'), {
      type: 'bar',
      data: { labels: days, datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'USD' } } },
      },
    });
  } else {
    chart.data.labels = days;
    chart.data.datasets = datasets;
    chart.update();
  }
}

export async function refreshChannels() {
  const { channels } = await getJson('/api/channels');
  const sections = await Promise.all(channels.map(async (channel) => {
    const section = el('article', { class: 'channel', 'data-channel': channel.id }, el('h3', {}, `${channel.name} (${channel.id})`));
    try {
      section.append(performance(await getJson(`/api/channels/${encodeURIComponent(channel.id)}/performance`)));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      section.append(el('p', { class: 'empty' }, 'no performance data yet'));
    }
    return section;
  }));
  document.getElementById('channel-list').replaceChildren(...sections);
}

// The feedback loop's view of a channel (GET /api/channels/{id}/performance): per value of each tested
// dimension (each its own bandit) what was measured and how likely the next brief is to get it, the rule that picks, the learned keywords.
function performance(view) {
  const percent = (value) => (value === null || value === undefined ? '' : `${(value * 100).toFixed(1)} %`);
  const chance = view.next?.chance ?? {};
  const summary = el('p', {}, `objective: ${view.objective} · exploration floor ${percent(view.explorationFloor)}`
    + (view.frozen ? ` · frozen since ${when(view.frozenAt)}` : '') + (view.resetAt ? ` · reset ${when(view.resetAt)}` : ''));
  const arms = el('table', { class: 'arms' }, el('caption', {}, 'format arms'),
    el('tr', {}, ['dimension', 'value', 'videos measured', 'observed objective', 'posterior mean', 'mean views', 'briefs', 'chance next']
      .map((column) => el('th', {}, column))),
    view.arms.map((arm) => el('tr', {}, [arm.dimension, arm.arm, arm.videos, percent(arm.observedObjective), percent(arm.posteriorMean),
      Math.round(arm.meanViews), arm.briefs, percent(chance[arm.arm])].map((cell) => el('td', {}, cell)))));
  const next = el('p', { class: 'next' }, `next brief: ${view.next?.arm ?? '?'} (${view.next?.why ?? ''})`);
  const keywords = view.keywords.length === 0 ? el('p', { class: 'empty' }, 'no topic keyword learned yet')
    : el('table', { class: 'keywords' }, el('caption', {}, 'topic keywords (0.5 is neutral)'),
      el('tr', {}, ['keyword', 'score', 'videos'].map((column) => el('th', {}, column))),
      view.keywords.slice(0, 12).map((keyword) => el('tr', {}, [keyword.keyword, keyword.score.toFixed(2), keyword.videos]
        .map((cell) => el('td', {}, cell)))));
  return el('div', { class: 'performance' }, summary, arms, next, keywords);
}
