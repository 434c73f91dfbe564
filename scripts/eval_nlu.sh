#!/usr/bin/env bash
# Reproduce the NLU reports in results/ (issue 4 quality bars):
#   1. train an NLU-only model with config.yml (offline pipeline) into a temp dir (never models/),
#   2. test it on the held-out set tests/nlu/heldout.yml           -> results/*.json
#   3. check canonical entity VALUES on the held-out set (Rasa's report only scores spans)
#                                                                    -> results/entity_values.json
#   4. 5-fold cross-validation on data/nlu (skip with --no-cv)      -> results/cross_validation/
# Usage: scripts/eval_nlu.sh [--no-cv] [--config config.yml]
set -euo pipefail
cd "$(dirname "$0")/.."
RASA=.venv/bin/rasa
PY=.venv/bin/python
CONFIG=config.yml
CV=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-cv) CV=0 ;;
    --config) CONFIG="$2"; shift ;;
    *) echo "onbekende optie: $1" >&2; exit 2 ;;
  esac
  shift
done
export TF_CPP_MIN_LOG_LEVEL=2 PYTHONHASHSEED=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

start=$(date +%s)
$RASA train nlu --config "$CONFIG" --nlu data/nlu --domain domain --out "$WORK" --fixed-model-name nlu
echo "training_seconds=$(( $(date +%s) - start ))" | tee "$WORK/train_time"

mkdir -p results
$RASA test nlu --model "$WORK/nlu.tar.gz" --nlu tests/nlu/heldout.yml --out results --no-plot
cp "$WORK/train_time" results/train_time.txt

$PY - "$WORK/nlu.tar.gz" <<'PYEOF'
"""Compare the canonical (entity, value) pairs the model gives with the held-out annotations."""
import asyncio, json, re, sys
from collections import Counter
import yaml
from rasa.core.agent import Agent

ANN = re.compile(r"\[([^\]]+)\](\(([^)]+)\)|\{([^}]+)\})")
items = yaml.safe_load(open("tests/nlu/heldout.yml", encoding="utf-8"))["nlu"]
cases = []
for item in items:
    for line in item["examples"].splitlines():
        line = line.strip()
        if not line.startswith("- "):
            continue
        ex = line[2:].strip()
        gold = []
        for m in ANN.finditer(ex):
            if m.group(3):
                gold.append((m.group(3), m.group(1)))
            else:
                spec = json.loads("{" + m.group(4) + "}")
                gold.append((spec["entity"], spec.get("value", m.group(1))))
        cases.append((ANN.sub(lambda m: m.group(1), ex), sorted(gold)))
agent = Agent.load(sys.argv[1])
per_entity, hits, exact = Counter(), Counter(), 0
errors = []
for text, gold in cases:
    parsed = asyncio.run(agent.parse_message(text))
    pred = sorted({(e["entity"], str(e["value"])) for e in parsed.get("entities", [])})
    if pred == sorted(set(gold)):
        exact += 1
    else:
        errors.append({"text": text, "gold": gold, "predicted": pred})
    for g in gold:
        per_entity[g[0]] += 1
        hits[g[0]] += g in pred
total = sum(per_entity.values())
report = {
    "messages": len(cases),
    "messages_with_exactly_the_right_entity_values": exact,
    "exact_match_rate": round(exact / len(cases), 4),
    "gold_values": total,
    "value_recall": round(sum(hits.values()) / total, 4),
    "value_recall_per_entity": {k: round(hits[k] / n, 4) for k, n in sorted(per_entity.items())},
    "errors": errors,
}
json.dump(report, open("results/entity_values.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(json.dumps({k: v for k, v in report.items() if k != "errors"}, indent=1))
PYEOF

if [ "$CV" = 1 ]; then
  $RASA test nlu --config "$CONFIG" --nlu data/nlu --domain domain --cross-validation --folds 5 \
    --out results/cross_validation --no-plot
fi

$PY - <<'PYEOF'
import json, os
def show(path, label):
    if not os.path.exists(path):
        return
    r = json.load(open(path))
    f1 = r.get("micro avg", r.get("weighted avg", {})).get("f1-score")
    print(f"{label}: accuracy={r.get('accuracy')} micro-F1={f1}")
show("results/intent_report.json", "held-out intent")
show("results/DIETClassifier_report.json", "held-out entities (DIET)")
show("results/response_selection_report.json", "held-out faq response selection")
show("results/cross_validation/intent_report.json", "5-fold CV intent")
show("results/cross_validation/DIETClassifier_report.json", "5-fold CV entities (DIET)")
PYEOF
