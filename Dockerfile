# Production image. Build with docker compose (see docker-compose.yml), which also hands in the
# CBS data folder as the build context "cbs" (../shared/data/cbs beside the project).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/no-native-schema-engine.sh scripts/
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    CBS_DATA_DIR=/app/data/cbs
COPY --from=build /app /app
COPY --from=cbs . /app/data/cbs
USER node
EXPOSE 3000
# DATABASE_URL, SMTP_URL and BALLOT_SECRET are required in production; see README "Configuration".
CMD ["node", "--import", "tsx", "scripts/start.ts"]
