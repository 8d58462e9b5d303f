import json
data = {"request_id": "r-1", "n": 3, "ok": True, "none": None, "f": 1.5, "l": [1, 2, {"a": []}], "t": (1, 2), "u": "é\n\"x\""}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, []], {}], indent="\t"))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.dumps({"a": 1}, separators=(",", ":")))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")))
for bad in [{1, 2}, {(1, 2): 3}, float("nan")]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
l = []
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print(e)
print(json.dumps({"x": object()}, default=lambda o: "obj"))
print(json.loads(json.dumps(data)))
print(json.loads('  {"a": [1, 2.5, -3e2, true, false, null, "\\u00e9\\ud83d\\ude00\\n"]} '))
print(json.loads('[1, 2]', object_hook=None), json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list), json.loads("12", parse_int=float), json.loads("NaN"))
for doc in ['', '[', '{', '{"a"', '{"a":', '{"a": 1', '{"a": 1,}', '[1,]', '[1 2]', '{"a" 1}', '{1: 2}', '"abc', '"a\\x"', '"\\u12"', '[1] x', 'tru', '\n\n  [1,\n  @]', '"a\tb"', '-', '01']:
    try:
        print(repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, e.pos, e.lineno, e.colno)
try:
    json.loads(5)
except TypeError as e:
    print(e)
