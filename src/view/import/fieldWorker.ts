/// <reference lib="webworker" />
// Fetches a field query's pages off the main thread, storing each in IndexedDB as it arrives (a reload resumes),
// then refetches the works whose author list OpenAlex cut at 100. Terminating it keeps what is stored.
import { createOpenAlexClient, defaultSleep, NO_CACHE } from '../../import/openalex';
import { fetchFieldPages, fetchFullWork, type FieldFetchOptions } from '../../import/openalexField';
import { loadFieldJob, loadFieldPages, replaceFieldPage, saveFieldJob, saveFieldPage, type FieldJob } from '../../store/fieldPages';
import type { FieldContract, FieldOutcome, FieldRequest } from './fieldJob';
import { serveWorker, type JobContext } from '../../workers/serve';

async function run(req: FieldRequest, post: JobContext<FieldContract>['progress']): Promise<FieldOutcome> {
  const client = createOpenAlexClient({ baseUrl: req.baseUrl, cache: NO_CACHE, mailto: req.mailto, apiKey: req.apiKey });
  const stored = await loadFieldJob(req.key);
  const job: FieldJob = stored ?? {
    key: req.key,
    label: req.label,
    count: req.count,
    state: { cursor: '*', pages: 0, works: 0 },
    refetched: 0,
    complete: false,
    startedAt: new Date().toISOString(),
  };
  if (!stored) await saveFieldJob(job);
  const resumedFrom = stored?.state.works ?? 0;
  const opts: FieldFetchOptions = {
    sleep: defaultSleep,
    onRetry: (attempt, waitMs, error) => post({ type: 'retry', attempt, waitMs, reason: error.message }),
    onPage: async (works, state) => {
      job.state = state;
      await saveFieldPage(job, state.pages - 1, works);
      post({ type: 'progress', phase: 'works', done: state.works, total: Math.max(job.count, state.works), resumedFrom });
    },
  };
  if (job.state.cursor !== null) await fetchFieldPages(client, req.key, job.state, opts);
  // Cut author lists, refetched one by one (a resumed job skips the ones already replaced).
  const pages = await loadFieldPages(req.key);
  const cut = pages.flatMap((p) => p.works.map((w, i) => ({ page: p, i, w })).filter((x) => x.w.is_authors_truncated === true));
  let done = 0;
  for (const { page, i, w } of cut) {
    post({ type: 'progress', phase: 'authors', done, total: cut.length, resumedFrom: 0 });
    const full = await fetchFullWork(client, String(w.id), opts);
    if (full) {
      page.works[i] = full;
      await replaceFieldPage(req.key, page.index, page.works);
      job.refetched++;
    }
    done++;
  }
  job.complete = true;
  await saveFieldJob(job);
  return { type: 'done', works: job.state.works, pages: job.state.pages, refetched: job.refetched, resumedFrom };
}

// An OpenAlexError or any other error: its message goes to the page.
serveWorker<FieldContract>((request, { progress }) => run(request, progress));
