// One worker of the adaptive-allocation bench (adaptive-allocation.ts): simulates the seeds it is
// given under every design and posts the runs back without their (large) hand-out logs.
import { parentPort, workerData } from "node:worker_threads";
import {
  simulateStudy,
  type SimulationOptions,
  type TAllocationDesign,
} from "../../lib/stats/adaptive-simulation";

export interface TWorkerJob {
  readonly seeds: readonly number[];
  readonly designs: readonly TAllocationDesign[];
  readonly options: Omit<SimulationOptions, "seed" | "design">;
}

const job = workerData as TWorkerJob;
for (const seed of job.seeds) {
  for (const design of job.designs) {
    const {
      handedOut: _handedOut,
      reasons: _reasons,
      ...run
    } = simulateStudy({ ...job.options, seed, design });
    parentPort?.postMessage({ seed, design, run });
  }
}
