#!/usr/bin/env node
// chamber-recalc without a build step: tsx compiles the TypeScript sources as they load.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
await main();
