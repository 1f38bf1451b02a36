#!/bin/sh
# Stands in for `logonet train` in test_runs_follow: prints one step event at a time (and a
# validation every 5 steps) on stdout and into the run folder, like the engine; on SIGTERM it logs
# "stopped" and exits 3; --resume continues after the last logged step, quickly. A fresh run takes
# a step only when the number in the file FAKE_LOGONET_PERMIT allows it (StepPermit.h), so that a
# test stops it midway on a machine of any speed (a permit file that has gone lets it finish);
# without FAKE_LOGONET_PERMIT it takes 0.3 s a step.
project="$3"; run="$5"; dir="$project/runs/$run"; total=12
mkdir -p "$dir"
echo '{"architecture":"logonet-tiny","iterations":12}' > "$dir/config.json"
i=0; delay=0.3; permit=${FAKE_LOGONET_PERMIT:-}
[ -n "$permit" ] && delay=0
case " $* " in *" --resume "*) i=$(grep -c '"event":"step"' "$dir/events.jsonl"); delay=0.02; permit= ;; esac
permitted() { [ -z "$permit" ] || [ "$(cat "$permit" 2>/dev/null || echo $total)" -ge "$1" ]; }
emit() { echo "$1"; echo "$1" >> "$dir/events.jsonl"; }
trap 'emit "{\"event\":\"stopped\",\"step\":$i}"; echo "{\"steps\":$i,\"stopped\":true}" > "$dir/metrics.json"; exit 3' TERM
while [ $i -lt $total ]; do
  while ! permitted $((i+1)); do sleep 0.05; done
  i=$((i+1))
  emit "{\"event\":\"step\",\"step\":$i,\"loss\":$((100-i)).5,\"dice_loss\":0.$((90-i)),\"ce_loss\":0.$((50-i)),\"lr\":0.001,\"it_per_s\":20,\"total\":$total}"
  if [ $((i % 5)) -eq 0 ]; then
    emit "{\"event\":\"validation\",\"step\":$i,\"mean_dice\":0.5,\"per_class\":{\"liver\":0.$((40+i)),\"spleen\":0.$((20+i))}}"
  fi
  sleep $delay
done
echo "{\"steps\":$total,\"stopped\":false}" > "$dir/metrics.json"
echo '{"event":"finished","steps":12}'
