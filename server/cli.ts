// The `postroom` command: serve, ingest, extract.
import { parseArgs } from 'node:util';

const USAGE = `usage:
  postroom serve [--port 8080] [--data <dir> | --memory] [--no-samples]
                 (DATABASE_URL=postgres://… uses PostgreSQL instead of the embedded store)
  postroom ingest <files…> --url <base>     push letters to a Postroom server
  postroom extract <files…> --out <dir>     write one FHIR Bundle per letter`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: {
        port: { type: 'string', short: 'p', default: process.env.PORT ?? '8080' },
        host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
        data: { type: 'string' }, memory: { type: 'boolean' }, 'no-samples': { type: 'boolean' },
      } });
      const { serve } = await import('./serve.ts');
      const running = await serve({
        port: Number(values.port), host: values.host,
        dataDir: values.memory ? undefined : values.data ?? (process.env.DATABASE_URL ? undefined : process.env.POSTROOM_DATA),
        databaseUrl: process.env.DATABASE_URL, samples: !values['no-samples'],
      });
      const stop = async () => { await running.close(); process.exit(0); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return new Promise(() => {});
    }
    case 'ingest': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { url: { type: 'string', short: 'u' }, token: { type: 'string' } } });
      if (!values.url || !positionals.length) { console.error(USAGE); return 2; }
      const { ingestFiles } = await import('./cli/ingest.ts');
      const results = await ingestFiles(positionals, values.url, values.token ?? process.env.POSTROOM_TOKEN);
      for (const r of results) console.log(`${r.status} ${r.code ?? ''} ${r.file}${r.text ? ` — ${r.text}` : ''}`);
      return results.every((r) => r.status < 300) ? 0 : 1;
    }
    case 'extract': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { out: { type: 'string', short: 'o' } } });
      if (!values.out || !positionals.length) { console.error(USAGE); return 2; }
      const { extractFiles } = await import('./cli/extract.ts');
      const runs = await extractFiles(positionals, values.out);
      const failed = runs.filter((r) => r.error);
      for (const f of failed) console.error(`${f.file}: ${f.error}`);
      console.log(`extracted ${runs.length - failed.length} of ${runs.length} letters to ${values.out}`);
      return failed.length ? 1 : 0;
    }
    default:
      console.error(USAGE);
      return cmd ? 2 : 0;
  }
}
