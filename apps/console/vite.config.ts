import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built into dist/console, which the gateway serves at / (apps/gateway/src/console). `vite` alone serves it for
// development and forwards the API to a running system (PINGAN_API, default the `npm start` port).
export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      ['/auth', '/access', '/incidents', '/cases', '/oversight', '/disputes', '/complaints', '/police-cases', '/high-risk-persons'].map(
        (path) => [path, { target: process.env.PINGAN_API ?? 'http://localhost:3000', changeOrigin: false }],
      ),
    ),
  },
});
