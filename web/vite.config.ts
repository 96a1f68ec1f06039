import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The agent workspace, served by the Luister server at /app/ (src/http/routes/web.ts).
// `npx vite --config web/vite.config.ts` runs a dev server that forwards the API to a running `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // hashed file names: the server caches assets/ for a year
    assetsDir: 'assets',
    manifest: true,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
