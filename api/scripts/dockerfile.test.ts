import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, type Copy, type Instruction, type JSONInstruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.ts';
import { EMBEDDED_POSTGRES_MAJOR } from '../src/db/embedded.ts';

// `docker build` cannot run here; what the image must be is read from the Dockerfile itself.
const dockerfile = DockerfileParser.parse(readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'api/package.json'), 'utf8')) as { scripts: Record<string, string> };

type Stage = { name: string | null; image: string | null; instructions: Instruction[] };
const stages: Stage[] = [];
for (const instruction of dockerfile.getInstructions()) {
  if (instruction.getKeyword() === 'FROM') {
    const from = dockerfile.getFROMs().find((f) => f.getRange().start.line === instruction.getRange().start.line);
    stages.push({ name: from?.getBuildStage() ?? null, image: from?.getImage() ?? null, instructions: [] });
  }
  stages.at(-1)?.instructions.push(instruction);
}
const runtime = stages.at(-1)!;
const builds = stages.slice(0, -1);
const of = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword);
const args = (i: Instruction) => i.getArguments().map((a) => a.getValue());
const jsonArgs = (i: Instruction) => (i as JSONInstruction).getJSONStrings().map((s) => s.getJSONValue());
const copies = of(runtime, 'COPY') as Copy[];

/** Where `pnpm … --prod … deploy <folder>` in a build stage puts the API with its production dependencies only. */
const deployed = builds
  .flatMap((s) => of(s, 'RUN'))
  .flatMap((run) => (run.getArgumentsContent() ?? '').split(/&&|;/))
  .map((command) => command.trim().split(/\s+/))
  .filter((words) => words[0] === 'pnpm' && words.includes('deploy') && (words.includes('--prod') || words.includes('-P')))
  .map((words) => words.at(-1));

describe('the Dockerfile', () => {
  it('builds in one stage and runs from a fresh base image in another', () => {
    expect(builds.length).toBeGreaterThanOrEqual(1);
    expect(runtime.image).toMatch(/^node:/);
    expect(builds.map((s) => s.name)).not.toContain(runtime.image);
    // Nothing reaches the image straight from the build context: only what a build stage made.
    for (const copy of copies) expect(copy.getFromFlag()?.getValue(), copy.toString()).toBeTruthy();
    expect(of(runtime, 'ADD')).toEqual([]);
  });

  it('ships the API with production dependencies only: the output of pnpm deploy --prod', () => {
    expect(deployed).toHaveLength(1);
    const withModules = copies.filter((c) => !/\/(web\/dist|fixtures\/[^/]+)\/?$/.test(args(c)[0] ?? ''));
    expect(withModules.map((c) => args(c)[0])).toEqual(deployed);
    // No install in the runtime stage (that would bring a package manager's choice of dependencies).
    for (const run of of(runtime, 'RUN')) expect(run.getArgumentsContent()).not.toMatch(/\b(pnpm|npm|yarn|tsx)\b/);
  });

  it('runs as a user other than root', () => {
    const users = of(runtime, 'USER').map((u) => args(u)[0]?.split(':')[0]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0']).not.toContain(users.at(-1));
    const lines = (keyword: string) => of(runtime, keyword).map((i) => i.getRange().start.line);
    expect(Math.max(...lines('USER'))).toBeLessThan(Math.min(...lines('CMD')));
  });

  it('starts the compiled JavaScript that pnpm start runs, with node itself as the process', () => {
    const [cmd] = of(runtime, 'CMD');
    expect(of(runtime, 'ENTRYPOINT')).toEqual([]);
    const deployCopy = copies.find((c) => args(c)[0] === deployed[0])!;
    const apiDir = path.posix.normalize(args(deployCopy)[1] ?? '');
    // `node dist/server.js` in api/package.json: the same file, from where the image keeps the API.
    const [bin, file] = (manifest.scripts.start ?? '').split(' ');
    expect(bin).toBe('node');
    expect(jsonArgs(cmd!)).toEqual(['node', path.posix.join(apiDir, file ?? '')]);
  });

  it('checks health on the API health route', () => {
    const [check] = of(runtime, 'HEALTHCHECK');
    expect(check?.getArgumentsContent()).toContain('/api/v1/health');
  });

  it("has the client programs `backup` needs for docker-compose's server: Debian's, of its major version or newer", () => {
    // pg_dump backs up servers of its own major version and older only; Debian's release decides the client's.
    const debianClient: Record<string, number> = { bookworm: 15, trixie: 17 };
    const client = debianClient[runtime.image?.match(/-(bookworm|trixie)/)?.[1] ?? ''];
    expect(client, `${runtime.image}: a Debian release of known client version`).toBeDefined();
    const installs = of(runtime, 'RUN').map((r) => r.getArgumentsContent() ?? '');
    expect(installs.some((r) => /apt-get install .*\bpostgresql-client\b/.test(r))).toBe(true);
    const compose = readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    const server = Number(compose.match(/image: postgis\/postgis:(\d+)-/)?.[1]);
    expect(client).toBeGreaterThanOrEqual(server);
    // The embedded Postgres of `pnpm start` is what Debian 12's client (CI's, a developer's) backs up.
    expect(debianClient.bookworm).toBeGreaterThanOrEqual(EMBEDDED_POSTGRES_MAJOR);
  });
});
