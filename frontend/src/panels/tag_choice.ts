// A panel's tag <select> and the loads it starts: the tags offered follow
// each new context (the chosen one stays while it exists), and a load that a
// newer one overtook knows it, so that only the newest draws.
//
//   const tags = new TagChoice("model", () => void this.load());
//   tags.offer(ctx, tagsOfKind(ctx, "gradient_flow"));
//   const load = tags.begin(); if (!load) return;
//   const data = await fetch(load.ctx, load.tag); if (!load.current()) return;
import type { Context } from "../context";
import { el, fillSelect } from "../dom";

export interface Load {
  ctx: Context;
  tag: string;
  /** False once a newer load has begun: drop this one's result. */
  current: () => boolean;
}

export class TagChoice {
  readonly select: HTMLSelectElement;
  private ctx: Context | null = null;
  private generation = 0;

  constructor(label: string, onChange: () => void) {
    this.select = el("select", { cls: "tag-select", attrs: { "aria-label": label } });
    this.select.addEventListener("change", onChange);
  }

  /** A new context and the tags to choose from, as names or (tag, label) pairs. */
  offer(ctx: Context, tags: Array<string | [string, string]>): void {
    this.ctx = ctx;
    fillSelect(this.select, tags.map((t) => (typeof t === "string" ? [t, t] : t)));
  }

  get tag(): string {
    return this.select.value;
  }

  /** The context and tag of a new load; null before the first context. */
  begin(): Load | null {
    const ctx = this.ctx;
    if (!ctx) return null;
    const generation = ++this.generation;
    return { ctx, tag: this.select.value, current: () => generation === this.generation };
  }
}
