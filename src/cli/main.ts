#!/usr/bin/env node
// The CLI entry: the only file that touches process.exitCode.
import { processIo } from "./io.js";
import { runCli } from "./run.js";

const io = processIo();
process.exitCode = await io.finish(await runCli(process.argv.slice(2), io));
