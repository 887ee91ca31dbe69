# newsgraph server image: the dashboard assets built with Node, the binary
# with Go, and a small runtime image that keeps its store on /data.
FROM node:20-bookworm-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci
COPY web/ ./
RUN npm run build

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=web /src/web/dist ./web/dist
RUN CGO_ENABLED=0 go build -trimpath -o /out/newsgraph ./cmd/newsgraph

FROM debian:bookworm-slim
RUN useradd --system --home /data newsgraph && mkdir -p /data && chown newsgraph /data
COPY --from=build /out/newsgraph /usr/local/bin/newsgraph
COPY testdata/seeds /usr/share/newsgraph/seeds
USER newsgraph
ENV NEWSGRAPH_DATA=/data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["newsgraph", "health", "--addr", "127.0.0.1:8080"]
ENTRYPOINT ["newsgraph"]
CMD ["serve", "--addr", "0.0.0.0:8080"]
