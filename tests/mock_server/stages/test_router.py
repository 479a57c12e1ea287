"""The route table: concrete before templated, base paths, 405 with the allowed methods."""

from __future__ import annotations

from mock_server.stages.router import MethodNotAllowed, NoRoute, RouteMatch, Router

ROUTES = [
    ("GET", "/tunnels/{tunnel_id}", "get_tunnel"),
    ("GET", "/tunnels/stats", "list_tunnel_stats"),
    ("GET", "/tunnels/{tunnel_id}/stats", "get_tunnel_stats"),
    ("POST", "/orders", "create_order"),
    ("GET", "/orders", "list_orders"),
    ("GET", "/files/{name}.json", "get_file"),
    ("GET", "/a/{x}/b", "a_x_b"),
    ("GET", "/a/c/d", "a_c_d"),
]


def _router() -> Router[str]:
    return Router(ROUTES, base_paths=["/api/v2"])


def test_concrete_segment_wins_over_template_in_any_declaration_order() -> None:
    match = _router().match("GET", "/tunnels/stats")
    assert isinstance(match, RouteMatch)
    assert match.target == "list_tunnel_stats"
    assert match.path_params == {}


def test_template_captures_percent_decoded_parameters() -> None:
    match = _router().match("GET", "/tunnels/a%20b/stats")
    assert isinstance(match, RouteMatch)
    assert (match.target, match.path_params) == ("get_tunnel_stats", {"tunnel_id": "a b"})


def test_backtracks_from_a_literal_dead_end_to_the_template() -> None:
    match = _router().match("GET", "/a/c/b")
    assert isinstance(match, RouteMatch)
    assert (match.target, match.path_params) == ("a_x_b", {"x": "c"})


def test_mixed_segment_template() -> None:
    match = _router().match("GET", "/files/report.json")
    assert isinstance(match, RouteMatch)
    assert match.path_params == {"name": "report"}


def test_served_under_the_base_path_and_bare() -> None:
    router = _router()
    for path in ("/api/v2/orders", "/orders", "/orders/"):
        match = router.match("GET", path)
        assert isinstance(match, RouteMatch)
        assert match.target == "list_orders"
    assert isinstance(router.match("GET", "/api/v2x/orders"), NoRoute)


def test_known_path_wrong_method_lists_the_allowed_methods() -> None:
    result = _router().match("DELETE", "/api/v2/orders")
    assert result == MethodNotAllowed("/orders", ("POST", "GET"))


def test_unknown_paths() -> None:
    router = _router()
    for path in ("/", "/nowhere", "/tunnels", "/tunnels/x/y/z"):
        assert isinstance(router.match("GET", path), NoRoute), path


def test_a_parameter_name_with_a_dash_beside_literal_text_is_routed() -> None:
    # AWS documents: `re.error: bad character in group name 'resource-arn'` stopped start-up
    router = Router(
        [
            ("GET", "/tags/{resource-arn}#tagKeys", "list_tags"),
            ("DELETE", "/tags/{resource-arn}#tagKeys", "untag"),
            ("GET", "/tags/a{resource-arn}", "prefixed"),
            ("GET", "/pair/{a-b}.{a-b}", "twice"),
        ]
    )
    listed = router.match("GET", "/tags/arn%3Ax#tagKeys")
    assert isinstance(listed, RouteMatch) and listed.path_params == {"resource-arn": "arn:x"}
    untagged = router.match("DELETE", "/tags/arn#tagKeys")
    assert isinstance(untagged, RouteMatch) and untagged.target == "untag"
    prefixed = router.match("GET", "/tags/ax1")
    assert isinstance(prefixed, RouteMatch) and prefixed.path_params == {"resource-arn": "x1"}
    assert isinstance(router.match("GET", "/pair/a.b"), RouteMatch)


def test_repeated_requests_are_answered_from_a_bounded_cache() -> None:
    router = _router()
    first = router.match("GET", "/api/v2/tunnels/42")
    assert router.match("GET", "/api/v2/tunnels/42") is first  # a lookup, not a walk
    long_path = "/tunnels/" + "x" * 300
    assert isinstance(router.match("GET", long_path), RouteMatch)
    assert ("GET", long_path) not in router._cache  # long paths are never kept
    for number in range(5000):
        router.match("GET", f"/tunnels/{number}")
    assert len(router._cache) <= 4096
