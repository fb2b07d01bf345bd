#!/usr/bin/env node
// The senningen command. The TypeScript sources are compiled to dist/ by `npm run build`
// (which `npm install` runs once).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
