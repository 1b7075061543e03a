# Build stage: a C compiler, so that setup.py can compile the classifier with mypyc
# (without one the install still works, in pure Python, about 1.15x slower).
FROM python:3.11-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml setup.py README.md LICENSE ./
COPY bot bot
COPY adapters adapters
COPY rules rules
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels && useradd --create-home buurtbot
USER buurtbot
EXPOSE 8080
CMD ["buurtbot", "run"]
