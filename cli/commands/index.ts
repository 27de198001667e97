import type { Command } from "commander";
import { registerImport } from "./import";
import { registerProblems } from "./problems";
import { registerEvaluate } from "./evaluate";
import { registerSolveDataset } from "./solve-dataset";
import { registerJudge } from "./judge";
import { registerSolve } from "./solve";
import { registerWorker } from "./worker";

/** Each command module exports one function that adds its command to the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [registerImport, registerProblems, registerSolveDataset, registerEvaluate, registerJudge, registerSolve, registerWorker];
