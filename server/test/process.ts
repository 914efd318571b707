import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hooks, no flushing; whatever was acknowledged must already be on disk. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Spawns the real entry point (`src/main.ts`, or `npm start`'s scripts/start.mjs with `viaStartScript`)
 * on a free loopback port and waits for its "listening" line.
 */
export async function spawnServer(env: Record<string, string>, options: { viaStartScript?: boolean } = {}): Promise<ServerProcess> {
  const args = options.viaStartScript ? ['../scripts/start.mjs'] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DEMO: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^/\s]+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { url, child, output: () => output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

export const roomyLimitsEnv: Record<string, string> = {
  RATE_LIMIT_IP_PER_MIN: '1000000',
  RATE_LIMIT_IP_WRITES_PER_MIN: '1000000',
  RATE_LIMIT_VOTER_PER_MIN: '1000000',
  RATE_LIMIT_USER_PER_MIN: '1000000',
  RATE_LIMIT_COMMENTS_PER_MIN: '1000000',
};
