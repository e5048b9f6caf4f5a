# The check relay as a container image (docs/relay.md "Container").
#   docker build -t bytegpt-relay .
#   docker run --rm -p 8787:8787 --env-file .env -e HOST=0.0.0.0 bytegpt-relay
# The relay runs from its TypeScript sources with tsx, like `npm run relay`; the widget
# is not built and nothing here ends up in the widget archive.
FROM node:22-slim

WORKDIR /app

# Only the relay's runtime packages (package.json "dependencies": hono, its Node
# server, jose, zod, tsx); the widget's build and test tools are devDependencies.
# No install scripts are needed (esbuild's binary comes as an npm package).
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY scripts/relay.ts scripts/relay-mock.ts ./scripts/

# Inside a container the relay must listen on every interface; PORT is the one exposed.
ENV HOST=0.0.0.0 \
    PORT=8787
EXPOSE 8787

USER node
# tsx directly rather than `npm run`: SIGTERM from `docker stop` reaches the relay,
# which closes its server before exiting.
CMD ["node_modules/.bin/tsx", "scripts/relay.ts"]
