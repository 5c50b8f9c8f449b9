// What every panel is given: the tags of all runs, the chosen run, the run it
// is compared with, and each run's health events.
import type { HealthEvent, TagInfo, TagsResponse } from "./api";

export interface Context {
  tags: TagsResponse;
  run: string;
  /** A second run shown beside the first, or null. */
  compare: string | null;
  health: Record<string, HealthEvent[]>;
}

export type UpdateReason = "select" | "refresh";

export interface Panel {
  readonly id: string;
  readonly title: string;
  readonly element: HTMLElement;
  /**
   * Whether `update` reads `ctx.health`. The health events are read beside
   * the panels' own data; only these panels wait for them.
   */
  readonly usesHealth?: boolean;
  /** Redraw for a new context; "refresh" keeps the current view (tag, step, layer). */
  update(ctx: Context, why: UpdateReason): Promise<void>;
  /** Whether the panel has anything to show for these runs. */
  available(ctx: Context): boolean;
}

/** The runs shown: the chosen one and, if set, the compared one. */
export function shownRuns(ctx: Context): string[] {
  return ctx.compare && ctx.compare !== ctx.run ? [ctx.run, ctx.compare] : [ctx.run];
}

/** Tags of one kind in the given runs, sorted, each once. */
export function tagsOfKind(ctx: Context, kind: string, runs = shownRuns(ctx)): string[] {
  const names = new Set<string>();
  for (const run of runs) {
    for (const [tag, info] of Object.entries(ctx.tags[run] ?? {})) if (info.kind === kind) names.add(tag);
  }
  return [...names].sort();
}

export function tagInfo(ctx: Context, run: string, tag: string): TagInfo | undefined {
  return ctx.tags[run]?.[tag];
}

export const SEVERITY_RANK: Record<string, number> = { info: 1, warning: 2, error: 3 };

export function worstSeverity(events: HealthEvent[] | undefined): string | null {
  let worst: string | null = null;
  for (const e of events ?? []) {
    if ((SEVERITY_RANK[e.severity] ?? 0) > (SEVERITY_RANK[worst ?? ""] ?? 0)) worst = e.severity;
  }
  return worst;
}
