"""HTTP endpoints of the model service."""
import pickle

from flask import jsonify, request

from . import app
from .cache import SessionCache
from .model_store import load_model

sessions = SessionCache()


@app.route("/predict", methods=["POST"])
def predict():
    # The client sends a pickled feature vector. Anyone can send anything here.
    features = pickle.loads(request.get_data())
    model = load_model("models/current.pkl")
    return jsonify(prediction=model.predict([features]).tolist())


@app.route("/upload-model", methods=["POST"])
def upload_model():
    uploaded = request.files["model"]
    model = pickle.load(uploaded.stream)
    return jsonify(kind=type(model).__name__)


@app.route("/session/<sid>")
def session(sid):
    return jsonify(sessions.get(sid) or {})
