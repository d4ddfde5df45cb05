import pickle
import yaml


def load_session(request):
    data = request.body
    obj = pickle.loads(data)
    return obj


def load_config(path):
	with open(path) as fh:
		return yaml.load(fh,
			Loader=yaml.Loader)


def restore(blob):
    return pickle.loads(blob)  # nosec B301 - blob is signed by our own service
