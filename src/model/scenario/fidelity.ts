// Comparing a file-level run of the model with a kernel recording, step by step, with issue 3's tolerance:
// usage within 2 % or 16 chunks of the kernel's record (or of one of its repeat runs), and each step's own
// cost within 25 % or 8 chunks.

import type { FileStepResult } from './fileScenario';

/** The parts of a kernel-golden/v1 recording the comparison reads. */
export interface Recording {
  steps: { name: string; status_parsed: { state: string; sectors_allocated?: number } | null }[];
  repeat_runs?: { steps: [number, string, string | null, number | null, number | null][] }[];
}

export interface FidelityRow {
  name: string;
  kernelSectors: number | null;
  modelSectors: number | null;
  errorPercent: number;
  kernelCostChunks: number;
  modelCostChunks: number;
  ok: boolean;
}

export function compareWithKernel(
  recording: Recording,
  model: FileStepResult[],
  chunkSectors: number,
): FidelityRow[] {
  // The record and each repeat run, as allocated sectors per step (null where the device did not exist).
  const runs: (number | null)[][] = [
    recording.steps.map((step) =>
      step.status_parsed?.state === 'Valid' ? step.status_parsed.sectors_allocated! : null,
    ),
    ...(recording.repeat_runs ?? []).map((run) =>
      recording.steps.map((_, i) => allocatedOf(run.steps[i]?.[2])),
    ),
  ];
  const lastOf = runs.map(() => 0);
  let lastModel = 0;
  return recording.steps.map((step, i) => {
    const kernel = runs[0]![i]!;
    const modelSectors = model[i]?.sectorsAllocated ?? null;
    const costs = runs.map((run, r) => (run[i] === null ? null : (run[i]! - lastOf[r]!) / chunkSectors));
    runs.forEach((run, r) => {
      if (run[i] !== null) lastOf[r] = run[i]!;
    });
    if (kernel === null || modelSectors === null) {
      return {
        name: step.name,
        kernelSectors: kernel,
        modelSectors,
        errorPercent: 0,
        kernelCostChunks: 0,
        modelCostChunks: 0,
        ok: kernel === modelSectors,
      };
    }
    const modelCost = (modelSectors - lastModel) / chunkSectors;
    lastModel = modelSectors;
    // Within tolerance of the record or of any repeat run, on usage and on the step's own cost alike.
    const fits = runs.map((run, r) => {
      const usage = run[i];
      const cost = costs[r];
      if (usage === null || usage === undefined || cost === null || cost === undefined) return false;
      const usageOk = Math.abs(modelSectors - usage) <= Math.max(0.02 * usage, 16 * chunkSectors);
      const costOk = Math.abs(modelCost - cost) <= Math.max(0.25 * Math.abs(cost), 8);
      return usageOk && costOk;
    });
    const closest = runs
      .map((run) => run[i])
      .filter((k): k is number => k !== null && k !== undefined)
      .reduce((best, k) => (Math.abs(k - modelSectors) < Math.abs(best - modelSectors) ? k : best));
    return {
      name: step.name,
      kernelSectors: kernel,
      modelSectors,
      errorPercent:
        closest === 0 ? (modelSectors === 0 ? 0 : 100) : (100 * Math.abs(modelSectors - closest)) / closest,
      kernelCostChunks: costs[0] ?? 0,
      modelCostChunks: modelCost,
      ok: fits.some(Boolean),
    };
  });
}

function allocatedOf(status: string | null | undefined): number | null {
  const match = status ? /snapshot (\d+)\//.exec(status) : null;
  return match ? Number(match[1]) : null;
}
