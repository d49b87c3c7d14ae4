# Conversation archiver: a small non-root image that runs with a read-only root filesystem.
#
#   docker build -t conversation-archiver:0.1.0 .
#   docker run --rm --read-only --tmpfs /tmp -v "$PWD/arch:/work" conversation-archiver:0.1.0 \
#       run --config /work/archiver.yaml
#
# The process writes only to /work (a mounted volume: local archives, exports) and /tmp.
# For reproducible builds, pin the base image by digest in your registry
# (FROM python:3.11.14-slim-bookworm@sha256:...); tests/deploy/test_dockerfile.py lints this file
# and runs its install steps in a clean virtualenv.

FROM python:3.11.14-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY archiver ./archiver
RUN python -m venv /opt/archiver \
    && /opt/archiver/bin/pip install --no-cache-dir . \
    && /opt/archiver/bin/archiver --version

FROM python:3.11.14-slim-bookworm
LABEL org.opencontainers.image.title="conversation-archiver" \
      org.opencontainers.image.description="Encrypted, tamper-evident backups of chatbot conversations" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 archiver \
    && useradd --system --uid 10001 --gid 10001 --home-dir /work --no-create-home \
       --shell /usr/sbin/nologin archiver
COPY --from=build /opt/archiver /opt/archiver
ENV PATH=/opt/archiver/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/tmp \
    TMPDIR=/tmp
WORKDIR /work
USER 10001:10001
ENTRYPOINT ["archiver"]
CMD ["--help"]
