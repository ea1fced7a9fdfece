/**
 * The dashboard is plain TypeScript bundled by Vite into dashboard/dist, which the gateway serves at
 * `/`. `npm run dev -w dashboard` serves it with hot reload and forwards the API to a running
 * `npm start` (GATEWAY_URL, default http://localhost:4000).
 */
import { defineConfig } from 'vite';

const gateway = process.env['GATEWAY_URL'] ?? 'http://localhost:4000';

export default defineConfig({
  root: 'src',
  base: '/',
  publicDir: 'public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // Never inline assets as data: URLs — the gateway's CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/graphql': gateway, '/dev': gateway, '/dashboard-config.json': gateway },
  },
});
