import MagicString from 'magic-string';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const GENERATED = fileURLToPath(new URL('../src/gql/graphql.ts', import.meta.url));
const CALL = /\bgraphql\(\s*`\s*(query|mutation|subscription|fragment)\s+(\w+)[^`]*`\s*\)/g;

/**
 * Replaces each `graphql(\`query Name …\`)` with an import of the generated `NameDocument`, as the
 * codegen client preset's Babel plugin would. Without it, `graphql()` looks documents up in one map
 * of every operation of the app, so the first chunk carried all of them; now each lazy screen's
 * chunk brings only its own. A name the generator did not write fails the build (missing export).
 */
export function graphqlDocuments(): Plugin {
  return {
    name: 'anchored-graphql-documents',
    apply: 'build',
    enforce: 'pre',
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
      s.prepend(`import { ${[...names].map((n) => `${n} as __gql_${n}`).join(', ')} } from ${JSON.stringify(GENERATED)};\n`);
      return { code: s.toString(), map: s.generateMap({ hires: true, source: id }) };
    },
  };
}
