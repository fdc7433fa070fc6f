import MagicString from 'magic-string';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const GENERATED = fileURLToPath(new URL('../src/gql/graphql.ts', import.meta.url));
const CALL = /\bgraphql\(\s*`\s*(query|mutation|subscription|fragment)\s+(\w+)[^`]*`\s*\)/g;
const PREFIX = 'anchored-gql:';
/** One generated document per line: `export const NameDocument = {…} as unknown as DocumentNode<…>;` */
const DEFINITION = /^export const (\w+(?:Document|FragmentDoc)) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;

/**
 * Replaces each `graphql(\`query Name …\`)` with its generated document, as the codegen client
 * preset's Babel plugin would, each in a module of its own. Without it, `graphql()` looks documents
 * up in one map of every operation, and even named imports from the one generated file would put
 * every document any screen uses into the first chunk; now each lazy screen's chunk carries its own.
 * A name the generator did not write fails the build.
 */
export function graphqlDocuments(): Plugin {
  let documents: Map<string, string> | undefined;
  const generated = () => {
    documents ??= new Map([...readFileSync(GENERATED, 'utf8').matchAll(DEFINITION)].map((m) => [m[1], m[2]]));
    return documents;
  };
  return {
    name: 'anchored-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const name = id.slice(PREFIX.length + 1);
      const json = generated().get(name);
      if (!json) throw new Error(`${name} is not in ${GENERATED}: run the codegen (nx run web:codegen).`);
      return `export default ${json};`;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(`')) return null;
      const s = new MagicString(code);
      const names = new Set<string>();
      for (const m of code.matchAll(CALL)) {
        const exported = m[1] === 'fragment' ? `${m[2]}FragmentDoc` : `${m[2]}Document`;
        names.add(exported);
        s.overwrite(m.index, m.index + m[0].length, `__gql_${exported}`);
      }
      if (!names.size) return null;
      s.prepend([...names].map((n) => `import __gql_${n} from ${JSON.stringify(PREFIX + n)};\n`).join(''));
      return { code: s.toString(), map: s.generateMap({ hires: true, source: id }) };
    },
  };
}
