FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY bot bot
COPY adapters adapters
COPY rules rules
RUN pip install --no-cache-dir . && useradd --create-home buurtbot
USER buurtbot
EXPOSE 8080
CMD ["buurtbot", "run"]
