"""The prefect.yaml deployment a user with a Prefect server would run `prefect deploy` on."""
from pathlib import Path

import yaml
from prefect.client.schemas.schedules import CronSchedule
from prefect.flows import load_flow_from_entrypoint

ROOT = Path(__file__).parent.parent


def test_prefect_yaml_points_at_the_flow_with_a_valid_schedule(monkeypatch):
    monkeypatch.chdir(ROOT)
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    (deployment,) = spec["deployments"]
    flow = load_flow_from_entrypoint(deployment["entrypoint"])
    assert flow.name == "coopfacts-run"
    assert set(deployment["parameters"]) <= set(flow.parameters.properties)
    for schedule in deployment["schedules"]:
        CronSchedule(cron=schedule["cron"], timezone=schedule["timezone"])
