// Small DOM helpers. Text from the logs (run, tag, layer names, hints) only
// ever reaches the page through textContent or attribute values, never
// innerHTML.

type Child = Node | string | null | undefined | false;

export interface ElOptions {
  cls?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElOptions = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.cls) node.className = options.cls;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.title !== undefined) node.title = options.title;
  for (const [key, value] of Object.entries(options.attrs ?? {})) node.setAttribute(key, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A <select> whose options are (value, label) pairs; labels set as text. */
export function fillSelect(
  select: HTMLSelectElement,
  options: Array<[string, string]>,
  keep?: string,
): void {
  const previous = keep ?? select.value;
  clear(select);
  for (const [value, label] of options) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = label;
    select.append(option);
  }
  if (options.some(([value]) => value === previous)) select.value = previous;
}

export function button(label: string, title: string, onClick: () => void, cls = "btn"): HTMLButtonElement {
  const b = el("button", { cls, text: label, title, attrs: { type: "button" } });
  b.addEventListener("click", onClick);
  return b;
}

export function labelled(label: string, control: HTMLElement): HTMLLabelElement {
  return el("label", { cls: "field" }, [el("span", { cls: "field-label", text: label }), control]);
}

/** Numbers as a person reads them: 4 significant digits, exponent when tiny or huge. */
export function fmt(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  if (value === 0) return "0";
  const a = Math.abs(value);
  if (a >= 1e5 || a < 1e-3) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

export function fmtValue(value: unknown): string {
  if (typeof value === "number") return fmt(value);
  if (value === null || value === undefined) return "—";
  return String(value);
}

/** Saves bytes or a data: URL as a file the browser downloads. */
export function download(filename: string, content: Blob | string): void {
  const url = typeof content === "string" ? content : URL.createObjectURL(content);
  const a = el("a", { attrs: { href: url, download: filename } });
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  if (typeof content !== "string") setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name part made from names in the logs. */
export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 80) || "x";
}
