# The Talentflow app (API + web app) for a deployment with its own PostgreSQL (docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false npx nx run-many -t build -p api web --outputStyle=static

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Only the API's runtime dependencies, as computed by the build from its imports.
COPY --from=build /app/dist/apps/api/package.json /app/dist/apps/api/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/dist/apps/web ./dist/apps/web
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
