import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { kaartHtml } from './scripts/kaart-html.ts';
import { precompress } from './scripts/precompress.ts';

export default defineConfig({
  plugins: [react(), kaartHtml(), precompress()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
