# The diplomacy-kg web app; docker-compose.yml runs it next to Neo4j 5.26.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY kg ./kg
COPY ingest ./ingest
COPY queries ./queries
COPY web ./web
COPY cli ./cli
RUN pip install . && useradd --create-home --uid 10001 kg && install -d -o kg -g kg /home/kg/data

USER kg
# The job log (and the embedded store, if KG_STORE is not neo4j) live here; docker-compose.yml
# mounts a named volume on it (a new volume takes this directory's owner, so kg can write).
ENV KG_DATA_DIR=/home/kg/data KG_HOST=0.0.0.0 KG_PORT=5000
EXPOSE 5000
CMD ["kg", "serve"]
