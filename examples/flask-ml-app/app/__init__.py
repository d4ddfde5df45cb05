from flask import Flask

app = Flask(__name__)

from . import api  # noqa: E402,F401  (registers the routes)
