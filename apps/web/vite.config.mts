import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  plugins: [react()],
  // Resolves @talentflow/domain from tsconfig.base.json's paths.
  resolve: { tsconfigPaths: true },
  server: {
    port: 5173,
    // In development the API runs apart (npm run dev:api); the app still calls /api.
    // The API takes writes only from its own origin: the Host it sees must stay the page's (5173).
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    reportCompressedSize: false,
  },
});
