import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './build/graphql-documents';
import { precompress } from './build/precompress';

const root = fileURLToPath(new URL('.', import.meta.url));
// The pure libraries are shared with the API and the worker as source (see tsconfig.app.json paths).
const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));
// In development the API runs on its own port (npm run start:api); the dev server forwards to it,
// so the browser sees one origin exactly as in production, where the API serves these files.
const api = process.env['API_URL'] ?? 'http://localhost:3000';
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

export default defineConfig({
  root,
  plugins: [graphqlDocuments(), react(), precompress(outDir)],
  resolve: { alias: { '@anchored/domain': lib('domain'), '@anchored/curriculum': lib('curriculum') } },
  build: { outDir, emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1000 },
  server: {
    port: Number(process.env['WEB_PORT'] ?? 4200),
    proxy: { '/graphql': api, '/calendar': api, '/admin/queues': api, '/health': api },
  },
});
