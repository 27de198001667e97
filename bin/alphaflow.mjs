#!/usr/bin/env node
// The CLI is TypeScript that shares lib/ with the web app; tsx compiles it on the fly so there is no build step.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
