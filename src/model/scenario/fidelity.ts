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
  const rows: FidelityRow[] = [];
  let lastKernel = 0;
  let lastModel = 0;
  recording.steps.forEach((step, i) => {
    const kernel = step.status_parsed?.state === 'Valid' ? step.status_parsed.sectors_allocated! : null;
    const alternatives = [
      kernel,
      ...(recording.repeat_runs ?? []).map((run) => allocatedOf(run.steps[i]?.[2])),
    ];
    const modelSectors = model[i]?.sectorsAllocated ?? null;
    if (kernel === null || modelSectors === null) {
      rows.push({
        name: step.name,
        kernelSectors: kernel,
        modelSectors,
        errorPercent: 0,
        kernelCostChunks: 0,
        modelCostChunks: 0,
        ok: kernel === modelSectors,
      });
      return;
    }
    const closest = alternatives
      .filter((k): k is number => k !== null)
      .reduce((best, k) => (Math.abs(k - modelSectors) < Math.abs(best - modelSectors) ? k : best));
    const usageOk = Math.abs(modelSectors - closest) <= Math.max(0.02 * closest, 16 * chunkSectors);
    const kernelCost = (kernel - lastKernel) / chunkSectors;
    const modelCost = (modelSectors - lastModel) / chunkSectors;
    const costOk = Math.abs(modelCost - kernelCost) <= Math.max(0.25 * Math.abs(kernelCost), 8);
    rows.push({
      name: step.name,
      kernelSectors: kernel,
      modelSectors,
      errorPercent:
        closest === 0 ? (modelSectors === 0 ? 0 : 100) : (100 * Math.abs(modelSectors - closest)) / closest,
      kernelCostChunks: kernelCost,
      modelCostChunks: modelCost,
      ok: usageOk && costOk,
    });
    lastKernel = kernel;
    lastModel = modelSectors;
  });
  return rows;
}

function allocatedOf(status: string | null | undefined): number | null {
  const match = status ? /snapshot (\d+)\//.exec(status) : null;
  return match ? Number(match[1]) : null;
}
