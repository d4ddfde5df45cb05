import pickle


def make_request_body(features):
    return pickle.dumps(features)


def test_roundtrip():
    body = make_request_body([1.0, 2.0])
    assert pickle.loads(body) == [1.0, 2.0]
