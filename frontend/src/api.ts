// Data access: every request of the plugin's HTTP API (docs/http_api.md) and
// the decoding of its binary answers. Relative URLs only: the plugin page is
// served at data/plugin_entry.html with <base href="plugin/tbviz/">, so
// "tags" resolves to data/plugin/tbviz/tags, also under --path_prefix.
// Nothing here touches the DOM.

export interface TagInfo {
  kind: string;
  v?: number;
  max_step: number;
  max_wall_time: number;
  error?: string;
  [key: string]: unknown;
}

export type TagsResponse = Record<string, Record<string, TagInfo>>;

export interface StepInfo {
  step: number;
  wall_time: number;
}

export interface Tensor {
  shape: number[];
  data: Float32Array;
  step: number;
  wallTime: number;
}

export interface GradientFlow {
  layers: string[];
  stats: string[];
  steps: number[];
  wall_times: number[];
  /** float32 [steps][layers][stats], NaN/Inf kept. */
  values: Float32Array;
}

export interface HealthEvent {
  step: number;
  layer: string | null;
  code: string;
  severity: string;
  value: unknown;
  threshold: unknown;
  hint: string;
  tag?: string;
  source?: string;
  [key: string]: unknown;
}

/** One row of a layer_table tag (docs/format.md); other keys may be present. */
export interface LayerRow {
  name: string;
  type: string;
  output_shape: Array<number | null> | null;
  params: number;
  trainable_params?: number;
  [key: string]: unknown;
}

export interface LayerTable {
  step: number;
  rows: LayerRow[];
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function url(route: string, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) query.set(key, String(value));
  const q = query.toString();
  return q ? `${route}?${q}` : route;
}

async function request(route: string, params?: Record<string, string | number>): Promise<Response> {
  const response = await fetch(url(route, params), { credentials: "same-origin" });
  if (!response.ok) {
    let message = `${route}: HTTP ${response.status}`;
    try {
      const body = await response.json();
      if (body && typeof body.error === "string") message = `${route}: ${body.error}`;
    } catch {
      /* not JSON */
    }
    throw new ApiError(message, response.status);
  }
  return response;
}

async function json<T>(route: string, params?: Record<string, string | number>): Promise<T> {
  return (await request(route, params)).json() as Promise<T>;
}

export function parseShape(header: string | null): number[] {
  if (!header) throw new Error("response has no X-Tbviz-Shape header");
  const shape = header.split(",").map((s) => Number.parseInt(s.trim(), 10));
  if (shape.some((n) => !Number.isFinite(n) || n < 0)) throw new Error(`bad X-Tbviz-Shape ${header}`);
  return shape;
}

/** Little-endian float32 from bytes, whatever the platform's byte order. */
export function decodeFloat32(buffer: ArrayBuffer, byteOffset = 0, count?: number): Float32Array {
  const n = count ?? Math.floor((buffer.byteLength - byteOffset) / 4);
  const littleEndianHost = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  if (littleEndianHost && byteOffset % 4 === 0) return new Float32Array(buffer, byteOffset, n);
  const view = new DataView(buffer, byteOffset, n * 4);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

export function getTags(): Promise<TagsResponse> {
  return json<TagsResponse>("tags");
}

export function getSteps(run: string, tag: string): Promise<StepInfo[]> {
  return json<StepInfo[]>("steps", { run, tag });
}

export function getHealth(run: string): Promise<HealthEvent[]> {
  return json<HealthEvent[]>("health", { run });
}

/** The newest layer table of a layer_table tag, layers in forward order. */
export function layers(run: string, tag: string): Promise<LayerTable> {
  return json<LayerTable>("layers", { run, tag });
}

// A tensor of a step never changes: keep recent ones (bounded in bytes), so
// that moving the slider back and forth and playing do not refetch.
const TENSOR_CACHE_BYTES = 96 * 1024 * 1024;
const tensorCache = new Map<string, Promise<Tensor>>();
const tensorBytes = new Map<string, number>();
let cachedBytes = 0;

function remember(key: string, bytes: number): void {
  tensorBytes.set(key, bytes);
  cachedBytes += bytes;
  for (const [old] of tensorCache) {
    if (cachedBytes <= TENSOR_CACHE_BYTES) break;
    if (old === key) continue;
    tensorCache.delete(old);
    cachedBytes -= tensorBytes.get(old) ?? 0;
    tensorBytes.delete(old);
  }
}

export function getTensor(run: string, tag: string, step: number): Promise<Tensor> {
  const key = JSON.stringify([run, tag, step]);
  const hit = tensorCache.get(key);
  if (hit) {
    tensorCache.delete(key); // most recently used last
    tensorCache.set(key, hit);
    return hit;
  }
  const load = (async () => {
    const response = await request("tensor", { run, tag, step });
    const shape = parseShape(response.headers.get("X-Tbviz-Shape"));
    const buffer = await response.arrayBuffer();
    const size = shape.reduce((a, b) => a * b, 1);
    if (buffer.byteLength !== size * 4) {
      throw new Error(`tensor ${tag} step ${step}: ${buffer.byteLength} bytes for shape [${shape}]`);
    }
    remember(key, buffer.byteLength);
    return {
      shape,
      data: decodeFloat32(buffer),
      step: Number(response.headers.get("X-Tbviz-Step") ?? step),
      wallTime: Number(response.headers.get("X-Tbviz-Wall-Time") ?? NaN),
    };
  })();
  tensorCache.set(key, load);
  load.catch(() => tensorCache.delete(key));
  return load;
}

/** The binary form of the gradient_flow route: uint32 n | JSON head | pad | float32 table. */
export function decodeGradientFlow(buffer: ArrayBuffer, shapeHeader: string | null): GradientFlow {
  const view = new DataView(buffer);
  const n = view.getUint32(0, true);
  const head = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, n)));
  const start = 4 + n + ((4 - ((4 + n) % 4)) % 4);
  const shape = shapeHeader
    ? parseShape(shapeHeader)
    : [head.steps.length, head.layers.length, head.stats.length];
  const count = shape.reduce((a, b) => a * b, 1);
  if (start + count * 4 !== buffer.byteLength) {
    throw new Error(`gradient_flow: ${buffer.byteLength} bytes do not hold shape [${shape}]`);
  }
  return {
    layers: head.layers,
    stats: head.stats,
    steps: head.steps,
    wall_times: head.wall_times,
    values: decodeFloat32(buffer, start, count),
  };
}

export async function getGradientFlow(run: string, tag: string, maxSteps = 1000): Promise<GradientFlow> {
  const response = await request("gradient_flow", { run, tag, max_steps: maxSteps, format: "binary" });
  return decodeGradientFlow(await response.arrayBuffer(), response.headers.get("X-Tbviz-Shape"));
}

/** The value of one stat of one layer at step index i. */
export function flowValue(flow: GradientFlow, i: number, layer: number, stat: number): number {
  return flow.values[(i * flow.layers.length + layer) * flow.stats.length + stat];
}
