// Costs per day and provider as a stacked bar chart (Chart.js, vendored: chart.umd.min.js), and each
// channel's performance once the service serves it (GET /api/channels/{id}/performance).
import { getJson, ApiError } from './api.js';
import { el } from './dom.js';

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

// The performance answer's shape belongs to the feedback layer: its plain fields are listed, and
// each list of records becomes a table.
function performance(data) {
  const parts = [];
  const plain = Object.entries(data).filter(([, value]) => value === null || typeof value !== 'object');
  if (plain.length) parts.push(el('dl', {}, plain.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value ?? '')])));
  for (const [name, rows] of Object.entries(data).filter(([, value]) => Array.isArray(value) && value.length)) {
    const columns = Object.keys(rows[0]).filter((column) => typeof rows[0][column] !== 'object' || rows[0][column] === null);
    parts.push(el('table', {}, el('caption', {}, name), el('tr', {}, columns.map((column) => el('th', {}, column))),
      rows.map((row) => el('tr', {}, columns.map((column) => el('td', {}, row[column] ?? ''))))));
  }
  return parts.length ? el('div', { class: 'performance' }, parts) : el('p', { class: 'empty' }, 'no performance data yet');
}
