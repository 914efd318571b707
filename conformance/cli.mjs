#!/usr/bin/env node
// news-elements-conformance: checks a backend against the news-elements REST contract and its OpenAPI document.
//   npx news-elements-conformance https://api.example.com [--token JWT] [--second-token JWT] [--origin https://www.example.com]
//                                 [--article ID] [--poll ID] [--thread ID] [--feed ID] [--timeout MS] [--json]
// Exit code: 0 when nothing failed, 1 when a check failed, 2 on bad usage.
import { runConformance } from './checks.mjs';

const usage = `Usage: news-elements-conformance <endpoint> [options]

  <endpoint>               the API base URL, e.g. https://api.example.com or http://127.0.0.1:8787/api

Options:
  --token <JWT>            a reader token (enables comment, edit, like, delete and session checks)
  --second-token <JWT>     another reader's token (enables 403 and two-reader like checks)
  --origin <origin>        a page origin your CORS allow-list accepts, e.g. https://www.example.com
  --article <id>           an article id (default: the article at url "/" if lookup finds one)
  --poll <id>              an OPEN test poll id (default: the article's poll block); one anonymous ballot is cast
  --thread <id>            a thread for the write checks (default: a new scratch thread per run)
  --feed <id>              a live-data feed id (enables the feed and feed-events checks)
  --timeout <ms>           per-request timeout (default 10000)
  --json                   print one JSON document instead of lines
  -h, --help               this help

Environment: NEWS_CONFORMANCE_TOKEN and NEWS_CONFORMANCE_SECOND_TOKEN stand in for the token options
(keeps tokens out of shell history and process lists).`;

function parseArgs(argv) {
  const options = { json: false };
  const valued = {
    '--token': 'token',
    '--second-token': 'secondToken',
    '--origin': 'origin',
    '--article': 'article',
    '--poll': 'poll',
    '--thread': 'thread',
    '--feed': 'feed',
    '--timeout': 'timeoutMs',
  };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--json') options.json = true;
    else if (flag === '-h' || flag === '--help') options.help = true;
    else if (valued[flag]) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
      options[valued[flag]] = value;
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length > 1) throw new Error(`one endpoint only, got ${positional.join(' ')}`);
  options.endpoint = positional[0];
  options.token ??= process.env.NEWS_CONFORMANCE_TOKEN || undefined;
  options.secondToken ??= process.env.NEWS_CONFORMANCE_SECOND_TOKEN || undefined;
  if (options.timeoutMs !== undefined) {
    options.timeoutMs = Number(options.timeoutMs);
    if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) throw new Error('--timeout must be a positive number of milliseconds');
  }
  if (options.origin !== undefined) {
    let parsed;
    try {
      parsed = new URL(options.origin);
    } catch {
      throw new Error(`--origin must be an origin such as https://www.example.com, got ${options.origin}`);
    }
    options.origin = parsed.origin;
  }
  return options;
}

// `... | head` closes the pipe early: stop quietly instead of throwing EPIPE.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`news-elements-conformance: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    console.log(usage);
    return 0;
  }
  if (!options.endpoint || !/^https?:\/\/[^/]/i.test(options.endpoint)) {
    console.error(`news-elements-conformance: give the API endpoint as an http(s) URL\n\n${usage}`);
    return 2;
  }
  const label = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' };
  const report = await runConformance({
    ...options,
    onResult: options.json ? undefined : (result) => console.log(`${label[result.status]} ${result.id}: ${result.reason}`),
    log: options.json ? undefined : (message) => console.log(`NOTE ${message}`),
  });
  const { passed, failed, skipped } = report.summary;
  if (options.json) {
    console.log(JSON.stringify({ ...report, ok: failed === 0 }, null, 2));
  } else {
    console.log('');
    console.log(`${passed} passed, ${failed} failed`);
    console.log(`${skipped} skipped${skipped ? ' (see SKIP lines for the token, id or origin each needs)' : ''}`);
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
