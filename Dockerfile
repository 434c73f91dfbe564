# Koers: one image for every role (rasa, actions, service, migrate); see docs/deploy.md.
#   docker build -t koers:0.1.0 .
#   docker run --rm koers:0.1.0 service      (or rasa, actions, migrate)
# Python 3.10: Rasa 3.6 does not run on a newer Python. Tags are pinned, never "latest".
FROM python:3.10.15-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    KOERS_HOME=/app \
    KOERS_HOST=0.0.0.0 \
    KOERS_LOG_FORMAT=json \
    RASA_TELEMETRY_ENABLED=false \
    PYTHONHASHSEED=0 \
    TF_CPP_MIN_LOG_LEVEL=2 \
    TF_DETERMINISTIC_OPS=1

# A fixed, unprivileged account; nothing runs as root after the build.
RUN groupadd --system --gid 10001 koers \
    && useradd --system --uid 10001 --gid koers --create-home --home-dir /home/koers \
       --shell /usr/sbin/nologin koers

WORKDIR /app

# Dependencies first (pinned by constraints.txt, like scripts/bootstrap.sh), so a code change
# does not reinstall Rasa.
COPY pyproject.toml constraints.txt requirements-service.txt README.md ./
COPY assistant ./assistant
RUN python -m venv /opt/venv \
    && pip install --quiet "pip==24.0" \
    && pip install --quiet -c constraints.txt . \
    && rm -rf /root/.cache
# The service role runs in its own environment on a current aiohttp (requirements-service.txt).
RUN python -m venv /opt/venv-service \
    && /opt/venv-service/bin/pip install --quiet "pip==24.0" \
    && /opt/venv-service/bin/pip install --quiet -r requirements-service.txt \
    && /opt/venv-service/bin/pip install --quiet --no-deps . \
    && rm -rf /root/.cache
ENV KOERS_SERVICE_PYTHON=/opt/venv-service/bin/python

# The Rasa project (domain, data, configs, actions); .dockerignore keeps out venv, models, var.
COPY . .

# The model is trained at build time (offline pipeline, seeded): every replica runs the same
# model and a container starts in seconds. The local key and database of the build are removed.
RUN koers train \
    && rm -rf /app/var /app/.rasa \
    && mkdir -p /app/var/run /app/var/log \
    && chown -R koers:koers /app/var

USER 10001:10001

EXPOSE 5005 5055 8080

# The role's own server on loopback: Rasa "/", action server "/health", service "/livez".
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD ["python", "-m", "assistant.container", "health"]

ENTRYPOINT ["python", "-m", "assistant.container"]
CMD ["service"]
