"""A small TiCDC HTTP API client run by PingcapHttpApiClientsIT against the standalone fake.

It makes the sequence of /api/v1 and /api/v2 calls that PingCAP's own integration suites make
(pingcap/tiflow tests/integration_tests/http_api, http_api_tls and http_api_tls_with_user_auth),
with the statuses and fields those suites expect, in one of three modes:

  plain  two captures over http; the owner is killed and restarted half-way
  tls    https with a CA, a server certificate and client certificates (cert-allowed-cn)
  auth   tls plus client authentication (client-user-required, client-allowed-user)

The steps that need a real TiDB (CREATE TABLE, CREATE USER) are made through the fake's admin
API instead. Usage: python3 http_api_client.py CONFIG.json; exit status 0 when every step passed.
"""

import json
import sys

import requests

CONFIG = {}


class StepFailed(Exception):
    pass


def expect(condition, what, response=None):
    if not condition:
        detail = ""
        if response is not None:
            detail = " (got %d: %s)" % (response.status_code, response.text[:400])
        raise StepFailed(what + detail)


def url(capture, path):
    return CONFIG["urls"][capture] + path


def tls():
    if CONFIG["mode"] == "plain":
        return {}
    return {"cert": (CONFIG["client_cert"], CONFIG["client_key"]), "verify": CONFIG["ca"]}


def call(method, capture, path, body=None, protected=False, **extra):
    """One request; routes TiCDC authenticates carry the client user in auth mode."""
    kwargs = dict(tls())
    kwargs.update(extra)
    if protected and CONFIG["mode"] == "auth":
        kwargs["auth"] = tuple(CONFIG["user"])
    if body is not None:
        kwargs["data"] = json.dumps(body)
        kwargs["headers"] = {"Content-Type": "application/json"}
    return requests.request(method, url(capture, path), timeout=30, **kwargs)


def poll(method, capture, path, done, what):
    """Reads until done(response) holds; the fake applies owner jobs on the next read."""
    return poll_with(lambda: call(method, capture, path), done, what)


def poll_with(request, done, what):
    """Repeats request() until done(response) holds, as the suites' retry loops do."""
    response = None
    for _ in range(50):
        response = request()
        if done(response):
            return response
    raise StepFailed(what + " (last answer %d: %s)" % (response.status_code, response.text[:400]))


def error_code(response):
    try:
        return response.json().get("error_code")
    except ValueError:
        return None


# ---- the database steps of run.sh, through the fake's admin API ---------------------------------


def create_table(name, keyed=True):
    table = {"schema": "test", "table": name, "columns": ["id", "val"]}
    if keyed:
        table["primary_key"] = ["id"]
    response = call("POST", 0, "/__fake/upstream/tables", table)
    expect(response.status_code == 200, "admin: create table test." + name, response)


# ---- the suites' steps ---------------------------------------------------------------------------


def check_health():
    response = call("GET", 0, "/api/v1/health")
    expect(response.status_code == 200, "GET /api/v1/health is 200", response)


def get_status():
    response = call("GET", 0, "/api/v1/status")
    expect(response.status_code == 200, "GET /api/v1/status is 200", response)
    expect(response.json()["is_owner"], "the first capture is the owner", response)


def create_changefeed():
    count = 3 if CONFIG["mode"] == "plain" else 4
    for i in range(1, count + 1):
        body = {
            "changefeed_id": "changefeed-test%d" % i,
            "sink_uri": CONFIG["mysql_sink"] if i == 1 else "blackhole://",
            "ignore_ineligible_table": True,
        }
        response = call("POST", 1, "/api/v1/changefeeds", body, protected=True)
        expect(response.status_code == 202, "v1 create changefeed-test%d is 202" % i, response)
        expect(response.text == "", "v1 create answers an empty body", response)

    response = call(
        "POST",
        1,
        "/api/v1/changefeeds",
        {
            "changefeed_id": "changefeed-test",
            "sink_uri": CONFIG["unreachable_mysql_sink"],
            "ignore_ineligible_table": True,
        },
        protected=True,
    )
    expect(response.status_code == 400, "v1 create with an unreachable MySQL is 400", response)

    response = call(
        "POST",
        1,
        "/api/v2/changefeeds",
        {
            "changefeed_id": "changefeed-test-v2",
            "sink_uri": CONFIG["kafka_broker"] + "/http_api?protocol=simple",
            "replica_config": {"sink": {"dispatchers": [bad_dispatcher()]}},
        },
        protected=True,
    )
    expect("ErrDispatcherFailed" in response.text, "v2 create with a bad dispatcher", response)

    if CONFIG["mode"] == "plain":
        response = call(
            "POST",
            1,
            "/api/v2/changefeeds",
            {
                "changefeed_id": "changefeed-test-v2",
                "sink_uri": CONFIG["kafka_broker"] + "/http_api?protocol=avro",
                "replica_config": {
                    "sink": {
                        "kafka_config": {
                            "glue_schema_registry_config": {
                                "region": "us-west-1",
                                "registry_name": "ticdc-test",
                            }
                        }
                    }
                },
            },
            protected=True,
        )
        expect("CDC:ErrKafkaNewProducer" in response.text, "v2 create with glue schema", response)
        expect("ResolveEndpointV2" not in response.text, "no AWS endpoint error", response)


def bad_dispatcher():
    return {"matcher": ["*.*"], "partition": "columns", "columns": ["a.b"]}


def check_changefeed_state():
    """run.sh's check_changefeed_state (cdc cli changefeed query -s): normal, without error."""
    for i in range(1, 5):
        response = poll(
            "GET",
            0,
            "/api/v2/changefeeds/changefeed-test%d" % i,
            lambda r: r.status_code == 200 and r.json()["state"] == "normal",
            "changefeed-test%d becomes normal" % i,
        )
        expect(response.json().get("error") is None, "changefeed-test%d has no error" % i, response)


def list_changefeed():
    response = call("GET", 0, "/api/v1/changefeeds?state=all")
    expect(response.status_code == 200, "v1 list state=all is 200", response)
    for state in ("normal", "stopped"):
        response = call("GET", 0, "/api/v1/changefeeds?state=" + state)
        expect(response.status_code == 200, "v1 list state=%s is 200" % state, response)
        for changefeed in response.json():
            expect(changefeed["state"] == state, "v1 list state=%s filters" % state, response)


def get_changefeed():
    for changefeed in ("changefeed-test1", "changefeed-test2"):
        response = call("GET", 0, "/api/v1/changefeeds/" + changefeed)
        expect(response.status_code == 200, "v1 get %s is 200" % changefeed, response)
    response = call("GET", 0, "/api/v1/changefeeds/changefeed-not-exists")
    expect(response.status_code == 400, "v1 get of a missing changefeed is 400", response)
    expect(error_code(response) == "CDC:ErrChangeFeedNotExists", "its code", response)


def pause_changefeed():
    response = call("POST", 0, "/api/v1/changefeeds/changefeed-test2/pause", protected=True)
    expect(response.status_code == 202, "v1 pause is 202", response)
    poll(
        "GET",
        0,
        "/api/v1/changefeeds/changefeed-test2",
        lambda r: r.status_code == 200 and r.json()["state"] == "stopped",
        "changefeed-test2 becomes stopped",
    )
    response = call("POST", 0, "/api/v1/changefeeds/changefeed-not-exists/pause", protected=True)
    expect(response.status_code == 400, "v1 pause of a missing changefeed is 400", response)
    expect(error_code(response) == "CDC:ErrChangeFeedNotExists", "its code", response)


def update_changefeed():
    path = "/api/v1/changefeeds/"
    response = call("PUT", 0, path + "changefeed-test1", {"mounter_worker_num": 32}, protected=True)
    expect(response.status_code == 400, "v1 update of a running changefeed is 400", response)
    response = call("PUT", 0, path + "changefeed-test2", {"mounter_worker_num": 32}, protected=True)
    expect(response.status_code == 202, "v1 update of a stopped changefeed is 202", response)
    response = call("PUT", 0, path + "changefeed-test2", {"start_ts": 0}, protected=True)
    expect(response.status_code == 400, "v1 update of start_ts is 400", response)
    response = call(
        "PUT",
        0,
        "/api/v2/changefeeds/changefeed-test2",
        {
            "sink_uri": CONFIG["kafka_broker"] + "/http_api?protocol=simple",
            "replica_config": {"sink": {"dispatchers": [bad_dispatcher()]}},
        },
        protected=True,
    )
    expect("ErrDispatcherFailed" in response.text, "v2 update with a bad dispatcher", response)


def resume_changefeed():
    response = call("POST", 1, "/api/v1/changefeeds/changefeed-test2/resume", protected=True)
    expect(response.status_code == 202, "v1 resume is 202", response)
    poll(
        "GET",
        1,
        "/api/v1/changefeeds/changefeed-test2",
        lambda r: r.status_code == 200 and r.json()["state"] == "normal",
        "changefeed-test2 becomes normal",
    )
    response = call("POST", 0, "/api/v1/changefeeds/changefeed-not-exists/resume", protected=True)
    expect(response.status_code == 400, "v1 resume of a missing changefeed is 400", response)
    expect(error_code(response) == "CDC:ErrChangeFeedNotExists", "its code", response)


def remove_changefeed():
    response = call("DELETE", 0, "/api/v1/changefeeds/changefeed-test3", protected=True)
    expect(response.status_code == 202, "v1 remove is 202", response)
    response = poll(
        "GET",
        0,
        "/api/v1/changefeeds/changefeed-test3",
        lambda r: r.status_code == 400,
        "changefeed-test3 is gone",
    )
    expect(error_code(response) == "CDC:ErrChangeFeedNotExists", "its code", response)
    response = call("DELETE", 0, "/api/v1/changefeeds/changefeed-not-exists", protected=True)
    expect(response.status_code in (400, 500), "v1 remove of a missing one fails", response)
    expect(error_code(response) == "CDC:ErrChangeFeedNotExists", "its code", response)


def rebalance_table():
    path = "/api/v1/changefeeds/changefeed-test1/tables/rebalance_table"
    response = call("POST", 0, path, protected=True)
    expect(response.status_code == 202, "v1 rebalance_table is 202", response)


def move_table():
    path = "/api/v1/changefeeds/changefeed-test1/tables/move_table"
    response = call("POST", 0, path, {"capture_id": "test-aaa-aa", "table_id": 11}, protected=True)
    expect(response.status_code == 202, "v1 move_table to an unknown capture is 202", response)
    response = call("POST", 0, path, {"capture_id": "", "table_id": 11}, protected=True)
    expect(response.status_code == 400, "v1 move_table with an empty capture is 400", response)


def list_processor():
    response = call("GET", 0, "/api/v1/processors")
    expect(response.status_code == 200, "v1 list processors is 200", response)


def get_processor():
    response = call("GET", 0, "/api/v1/processors")
    expect(response.status_code == 200, "v1 list processors is 200", response)
    processors = response.json()
    expect(len(processors) > 0, "some processor is listed", response)
    first = processors[0]
    response = call("GET", 0, "/api/v1/processors/changefeed-test1/" + first["capture_id"])
    expect(response.status_code == 200, "v1 get processor is 200", response)
    path = "/api/v1/processors/%s/non-exist-capture-id" % first["changefeed_id"]
    response = call("GET", 0, path)
    expect(response.status_code == 400, "v1 get processor of an unknown capture is 400", response)


def set_log_level():
    for level in ("debug", "info"):
        response = call("POST", 0, "/api/v1/log", {"log_level": level}, protected=True)
        expect(response.status_code == 200, "v1 log level %s is 200" % level, response)


def resign_owner():
    response = call("POST", 1, "/api/v1/owner/resign", protected=True)
    expect(response.status_code == 202, "v1 owner resign is 202", response)


def get_tso():
    response = call("POST", 0, "/api/v2/tso", {}, protected=True)
    expect(response.status_code == 200, "v2 tso is 200", response)
    if CONFIG["mode"] == "plain":
        response = call("POST", 0, "/api/v2/tso", {"pd_addrs": [CONFIG["pd"]]}, protected=True)
        expect(response.status_code == 200, "v2 tso with the PD is 200", response)
        body = {"pd_addrs": ["http://127.0.0.1:2233"]}
        response = call("POST", 0, "/api/v2/tso", body, protected=True)
        expect(response.status_code != 200, "v2 tso with a wrong PD fails", response)


def upstream():
    return {
        "pd_addrs": [CONFIG["pd"]],
        "ca_path": CONFIG["ca"],
        "cert_path": CONFIG["client_cert"],
        "key_path": CONFIG["client_key"],
        "cert_allowed_cn": ["client"],
    }


def expect_verified_tables(response):
    """verify_table's answer for the seeded tables: the keyed one eligible, the keyless not."""
    tables = response.json()
    expect(
        tables["eligible_tables"][0]["table_name"] == "verify_table_eligible",
        "the keyed table is eligible",
        response,
    )
    expect(
        tables["ineligible_tables"][0]["table_name"] == "verify_table_ineligible",
        "the keyless table is ineligible",
        response,
    )


def verify_table():
    response = call("POST", 0, "/api/v2/tso", {}, protected=True)
    expect(response.status_code == 200, "v2 tso is 200", response)
    tso = (response.json()["timestamp"] << 18) + response.json()["logic_time"]
    body = upstream()
    body["start_ts"] = tso
    body["replica_config"] = {"filter": {"rules": ["test.verify*"]}}
    response = call("POST", 0, "/api/v2/verify_table", body, protected=True)
    expect(response.status_code == 200, "v2 verify_table is 200", response)
    expect_verified_tables(response)


def create_changefeed_v2():
    first = upstream()
    first.update(
        {
            "changefeed_id": "changefeed-test-v2-black-hole-1",
            "sink_uri": "blackhole://",
            "replica_config": {"ignore_ineligible_table": True},
        }
    )
    response = call("POST", 1, "/api/v2/changefeeds", first, protected=True)
    expect(response.status_code == 200, "v2 create of a blackhole changefeed is 200", response)
    second = upstream()
    second.update(
        {
            "changefeed_id": "changefeed-test-v2-black-hole-2",
            "sink_uri": CONFIG["mysql_sink"],
            "replica_config": {
                "ignore_ineligible_table": True,
                "filter": {"rules": ["test.verify*"]},
            },
        }
    )
    response = call("POST", 1, "/api/v2/changefeeds", second, protected=True)
    expect(response.status_code == 200, "v2 create of a MySQL changefeed is 200", response)
    bad = upstream()
    bad.update(
        {
            "changefeed_id": "changefeed-test",
            "sink_uri": CONFIG["unreachable_mysql_sink"],
            "replica_config": {"ignore_ineligible_table": True},
        }
    )
    response = call("POST", 1, "/api/v2/changefeeds", bad, protected=True)
    expect(response.status_code == 400, "v2 create with an unreachable MySQL is 400", response)


def delete_changefeed_v2():
    response = call("DELETE", 0, "/api/v2/changefeeds/changefeed-test4", protected=True)
    expect(response.status_code == 200, "v2 delete is 200", response)
    response = poll(
        "GET",
        0,
        "/api/v1/changefeeds/changefeed-test4",
        lambda r: r.status_code == 400,
        "changefeed-test4 is gone",
    )
    expect(error_code(response) == "CDC:ErrChangeFeedNotExists", "its code", response)
    response = call("DELETE", 0, "/api/v2/changefeeds/changefeed-not-exists", protected=True)
    expect(response.status_code == 200, "v2 delete of a missing changefeed is 200", response)


def unsafe_apis():
    # tiflow cdc/api/v2/api.go authenticates this read too
    response = call("GET", 1, "/api/v2/unsafe/metadata", protected=True)
    expect(response.status_code == 200, "v2 unsafe metadata is 200", response)
    path = "/api/v2/unsafe/service_gc_safepoint"
    response = call("DELETE", 1, path, upstream(), protected=True)
    expect(response.status_code == 200, "v2 delete service GC safepoint is 200", response)
    response = call("DELETE", 1, path, {}, protected=True)
    expect(response.status_code == 200, "v2 delete service GC safepoint ({}) is 200", response)
    response = call("POST", 1, "/api/v2/unsafe/resolve_lock", {}, protected=True)
    expect(response.status_code != 404, "v2 resolve_lock is routed", response)


# ---- what the suites' run.sh checks with curl, cdc cli and the TLS handshake ---------------------


def debug_info():
    """run_cdc_server waits until /debug/info lists the etcd keys (it sends ticdc:ticdc_secret)."""
    response = call("GET", 0, "/debug/info", auth=("ticdc", "ticdc_secret"))
    expect(response.status_code == 200, "GET /debug/info is 200", response)
    expect("etcd info" in response.text, "/debug/info shows the etcd info", response)


def kill_and_restart_owner():
    """run.sh kills the owner's process, waits for a new owner and restarts it on its address."""
    owner = call("GET", 0, "/api/v1/status").json()["id"]
    response = call("DELETE", 1, "/__fake/captures/" + owner)
    expect(response.status_code == 200, "admin: kill the owner", response)
    poll(
        "GET",
        1,
        "/api/v1/status",
        lambda r: r.status_code == 200 and r.json()["is_owner"],
        "the other capture becomes the owner",
    )
    response = call("POST", 1, "/__fake/captures/%s/restart" % owner)
    expect(response.status_code == 200, "admin: restart the killed capture", response)
    address = response.json()["address"]
    captures = call("GET", 1, "/api/v1/captures").json()
    addresses = [capture["address"] for capture in captures]
    expect(len(captures) == 2, "two captures again: %s" % addresses)
    expect(address in addresses, "the restarted capture is back on %s" % address)
    response = call("GET", 0, "/api/v1/status")
    expect(response.json()["id"] != owner, "the restarted capture has a new id", response)


def refuses(what, **kwargs):
    try:
        response = requests.get(url(0, "/api/v1/status"), timeout=30, **kwargs)
    except requests.exceptions.ConnectionError:
        return
    raise StepFailed(what + " (got %d)" % response.status_code)


def tls_handshake():
    """cert-allowed-cn: no client certificate, or one with another CN, fails the handshake."""
    refuses("a client without a certificate is refused", verify=CONFIG["ca"])
    refuses(
        "a client certificate with the CN of the file, which the flag replaced, is refused",
        verify=CONFIG["ca"],
        cert=(CONFIG["other_cert"], CONFIG["other_key"]),
    )
    response = call("GET", 0, "/api/v1/status")
    expect(response.status_code == 200, "the allowed CN gets its answer", response)


def client_auth():
    """client-user-required: writes need an allowed upstream user; reads do not."""
    path = "/api/v1/changefeeds/changefeed-test1/tables/rebalance_table"
    response = requests.post(url(0, path), timeout=30, **tls())
    expect(response.status_code == 401, "a write without credentials is 401", response)
    expect(error_code(response) == "CDC:ErrCredentialNotFound", "its code", response)
    response = requests.post(url(0, path), timeout=30, auth=("ticdc", "wrong"), **tls())
    expect(response.status_code == 401, "a wrong password is 401", response)
    expect(error_code(response) == "CDC:ErrUnauthorized", "its code", response)


PLAIN = [
    debug_info,
    check_health,
    get_status,
    lambda: create_table("t1"),
    create_changefeed,
    lambda: [create_table(t) for t in ("simple", "simple-dash", "simple1", "simple2")],
    list_changefeed,
    get_changefeed,
    pause_changefeed,
    update_changefeed,
    kill_and_restart_owner,
    list_changefeed,
    get_changefeed,
    pause_changefeed,
    resume_changefeed,
    rebalance_table,
    move_table,
    get_processor,
    list_processor,
    set_log_level,
    remove_changefeed,
    resign_owner,
    get_tso,
]

TLS = [
    debug_info,
    tls_handshake,
    check_health,
    get_status,
    lambda: create_table("t1"),
    create_changefeed,
    check_changefeed_state,
    lambda: [create_table(t) for t in ("simple0", "simple-dash", "simple1", "simple2")],
    lambda: create_table("verify_table_eligible"),
    lambda: create_table("verify_table_ineligible", keyed=False),
    list_changefeed,
    get_changefeed,
    pause_changefeed,
    update_changefeed,
    resume_changefeed,
    rebalance_table,
    list_processor,
    get_processor,
    move_table,
    set_log_level,
    remove_changefeed,
    resign_owner,
    get_tso,
    verify_table,
    create_changefeed_v2,
    delete_changefeed_v2,
    unsafe_apis,
]


def load_config(path):
    with open(path, encoding="utf-8") as f:
        CONFIG.update(json.load(f))


def run_steps(steps):
    """Runs the steps in order, printing one line each; 0 when all passed."""
    for step in steps:
        name = getattr(step, "__name__", "step")
        if name == "<lambda>":
            name = "database step"
        try:
            step()
        except StepFailed as e:
            print("FAIL %s: %s" % (name, e), flush=True)
            return 1
        print("pass %s" % name, flush=True)
    print("all %d steps passed" % len(steps), flush=True)
    return 0


def main():
    load_config(sys.argv[1])
    steps = PLAIN if CONFIG["mode"] == "plain" else TLS
    if CONFIG["mode"] == "auth":
        steps = steps[:2] + [client_auth] + steps[2:]
    return run_steps(steps)


if __name__ == "__main__":
    sys.exit(main())
