"""Feature engineering: serialization only, nothing is unpickled here."""
import json
import pickle


def export_features(features, path):
    with open(path, "wb") as fh:
        fh.write(pickle.dumps(features))


def load_feature_names(path):
    with open(path) as fh:
        return json.load(fh)


class FeatureCodec:
    """A method that happens to be called `loads` is not pickle."""

    def loads(self, text):
        return json.loads(text)


def decode(text):
    return FeatureCodec().loads(text)
