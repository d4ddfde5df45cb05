"""Session storage in Redis."""
import json

try:
    import cPickle as pickle
except ImportError:
    import pickle

import redis

_redis = redis.Redis()
_decode = pickle.loads


class SessionCache:
    """Pickled sessions: whoever can write to Redis can run code in the web process."""

    def get(self, sid):
        blob = _redis.get(f"session:{sid}")
        return _decode(blob) if blob else None

    def put(self, sid, data):
        _redis.set(f"session:{sid}", pickle.dumps(data))


class JsonCache:
    """The safe variant: JSON carries data, never code."""

    def get(self, key):
        blob = _redis.get(key)
        return json.loads(blob) if blob else None

    def put(self, key, value):
        _redis.set(key, json.dumps(value))
