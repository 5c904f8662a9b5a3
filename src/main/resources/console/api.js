// The console's only way to the service: the public REST API, with the operator's token. The token
// stays in this tab's sessionStorage (gone when the tab closes) and is sent as a bearer header.
const KEY = 'cutline.token';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

async function call(method, path) {
  const answer = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token.get() ?? ''}`, Accept: 'application/json' },
    cache: 'no-store',
  });
  if (!answer.ok) {
    const body = await answer.json().catch(() => ({}));
    throw new ApiError(answer.status, body.error ?? `${method} ${path}: HTTP ${answer.status}`);
  }
  return answer;
}

export const getJson = async (path) => (await call('GET', path)).json();
export const postJson = async (path) => (await call('POST', path)).json();

// Media (a video, a clip, a thumbnail) as a blob: URL, since a <video> cannot send the token itself.
export const getObjectUrl = async (path) => URL.createObjectURL(await (await call('GET', path)).blob());
