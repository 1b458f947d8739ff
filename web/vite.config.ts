import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The C++ server serves web/dist at "/" and the JSON API at /api; during
// development Vite serves the app and forwards API calls to a local server.
const backend = process.env.MOTCUA_BACKEND ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [preact()],
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
    },
  },
  preview: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
  },
});
