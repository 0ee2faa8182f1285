// The `postroom` command: serve, ingest, extract.
import { parseArgs } from 'node:util';

const USAGE = `usage:
  postroom serve [--port 8080] [--data <dir> | --memory] [--no-samples]
  postroom ingest <files…> --url <base>     push letters to a Postroom server
  postroom extract <files…> --out <dir>     write one FHIR Bundle per letter`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
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
