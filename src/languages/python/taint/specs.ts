// Declarative sources, sanitizers, guards and propagators of untrusted data for Python (browser-safe).
// Names are canonical qualified names as the semantic model resolves them: `X()` is the result of calling `X`.

/**
 * Redis clients (sync, asyncio, cluster, the older aioredis) and the commands that read a value another process may
 * have written: plain keys, hashes, lists, sets, sorted sets, streams, and pub/sub messages.
 */
const REDIS_CLIENTS = [
  "redis.Redis()", "redis.StrictRedis()", "redis.from_url()", "redis.Redis.from_url()", "redis.StrictRedis.from_url()",
  "redis.asyncio.Redis()", "redis.asyncio.StrictRedis()", "redis.asyncio.from_url()", "redis.asyncio.Redis.from_url()",
  "redis.RedisCluster()", "redis.cluster.RedisCluster()", "redis.asyncio.RedisCluster()", "aioredis.Redis()", "aioredis.from_url()",
];
const REDIS_READS = [
  "get", "getdel", "getex", "getset", "mget", "hget", "hmget", "hgetall", "hvals", "lpop", "rpop", "blpop", "brpop", "lrange",
  "lindex", "rpoplpush", "brpoplpush", "lmove", "blmove", "smembers", "spop", "srandmember", "zrange", "zrevrange",
  "zrangebyscore", "xread", "xreadgroup", "xrange", "pubsub().listen", "pubsub().get_message",
];
const REDIS_SOURCES: Record<string, string> = Object.fromEntries(REDIS_CLIENTS.flatMap((c) => REDIS_READS.map((m) => [`${c}.${m}`, "value read from Redis"])));

/** boto3 S3 clients and resources, however the session is made. */
const S3_CLIENTS = ["boto3.client()", "boto3.Session().client()", "boto3.session.Session().client()"];
const S3_RESOURCES = ["boto3.resource()", "boto3.Session().resource()", "boto3.session.Session().resource()"];

/**
 * Values that are untrusted in themselves, and everything read from them (`.content`, `.json()`, `[0]`, iteration).
 * A resolved name matches when it equals an entry or starts with an entry followed by `.`.
 */
export const DATA_SOURCES: Readonly<Record<string, string>> = {
  // Flask and Werkzeug request data (the context-local `request`).
  "flask.request.data": "Flask request body",
  "flask.request.get_data": "Flask request body",
  "flask.request.form": "Flask form data",
  "flask.request.args": "Flask query string",
  "flask.request.values": "Flask request values",
  "flask.request.files": "Flask uploaded file",
  "flask.request.cookies": "Flask cookie",
  "flask.request.headers": "Flask request header",
  "flask.request.json": "Flask JSON body",
  "flask.request.get_json": "Flask JSON body",
  "flask.request.stream": "Flask request stream",
  "flask.request.input_stream": "Flask request stream",
  // Bottle's global request.
  "bottle.request.body": "Bottle request body",
  "bottle.request.forms": "Bottle form data",
  "bottle.request.query": "Bottle query string",
  "bottle.request.params": "Bottle request parameters",
  "bottle.request.files": "Bottle uploaded file",
  "bottle.request.cookies": "Bottle cookie",
  "bottle.request.get_cookie": "Bottle cookie",
  "bottle.request.headers": "Bottle request header",
  "bottle.request.json": "Bottle JSON body",
  // Streamlit widgets: what the visitor of the app uploads or types.
  "streamlit.file_uploader": "Streamlit uploaded file",
  "streamlit.sidebar.file_uploader": "Streamlit uploaded file",
  "streamlit.camera_input": "Streamlit uploaded file",
  "streamlit.text_input": "Streamlit text input",
  "streamlit.text_area": "Streamlit text input",
  "streamlit.chat_input": "Streamlit text input",
  // Standard input.
  "sys.stdin": "standard input",
  "builtins.input": "user input (input())",
  // Sockets.
  "socket.socket().recv": "data received from a socket",
  "socket.socket().recvfrom": "data received from a socket",
  "socket.socket().recv_into": "data received from a socket",
  "socket.socket().makefile": "data received from a socket",
  "socket.socket().accept": "a network connection",
  "socket.create_connection()": "a network connection",
  "socket.create_server().accept": "a network connection",
  // HTTP clients: the response and all read from it.
  "requests.get()": "HTTP response (requests)",
  "requests.post()": "HTTP response (requests)",
  "requests.put()": "HTTP response (requests)",
  "requests.request()": "HTTP response (requests)",
  "requests.Session().get()": "HTTP response (requests)",
  "requests.Session().post()": "HTTP response (requests)",
  "requests.Session().request()": "HTTP response (requests)",
  "httpx.get()": "HTTP response (httpx)",
  "httpx.post()": "HTTP response (httpx)",
  "httpx.request()": "HTTP response (httpx)",
  "httpx.Client().get()": "HTTP response (httpx)",
  "httpx.Client().post()": "HTTP response (httpx)",
  "httpx.AsyncClient().get()": "HTTP response (httpx)",
  "httpx.AsyncClient().post()": "HTTP response (httpx)",
  "urllib.request.urlopen()": "HTTP response (urllib)",
  "urllib.request.urlretrieve()": "HTTP download (urllib)",
  "http.client.HTTPConnection().getresponse()": "HTTP response (http.client)",
  "http.client.HTTPSConnection().getresponse()": "HTTP response (http.client)",
  "urllib3.PoolManager().request()": "HTTP response (urllib3)",
  "urllib3.request()": "HTTP response (urllib3)",
  "multiprocessing.connection.Listener().accept()": "a network connection (multiprocessing)",
  "multiprocessing.connection.Client()": "a network connection (multiprocessing)",
  "urllib2.urlopen()": "HTTP response (urllib)",
  "aiohttp.ClientSession().get()": "HTTP response (aiohttp)",
  "aiohttp.ClientSession().post()": "HTTP response (aiohttp)",
  // Caches: values other processes can write (Redis reads through every client constructor, see `REDIS_SOURCES`).
  ...REDIS_SOURCES,
  "memcache.Client().get": "value read from memcached",
  "pymemcache.client.base.Client().get": "value read from memcached",
  "pymemcache.Client().get": "value read from memcached",
  "pylibmc.Client().get": "value read from memcached",
  // Message queues.
  "kafka.KafkaConsumer()": "Kafka message",
  "kafka.KafkaConsumer().poll": "Kafka message",
  "confluent_kafka.Consumer().poll": "Kafka message",
  "pika.BlockingConnection().channel().basic_get": "RabbitMQ message",
  "boto3.client().receive_message": "Amazon SQS message",
  "boto3.resource().Queue().receive_messages": "Amazon SQS message",
  "boto3.resource().get_queue_by_name().receive_messages": "Amazon SQS message",
  "zmq.Context().socket().recv": "ZeroMQ message",
  "zmq.Context().socket().recv_multipart": "ZeroMQ message",
  "zmq.Context.instance().socket().recv": "ZeroMQ message",
  "zmq.Context.instance().socket().recv_multipart": "ZeroMQ message",
  "zmq.asyncio.Context().socket().recv": "ZeroMQ message",
  "zmq.asyncio.Context().socket().recv_multipart": "ZeroMQ message",
  "zmq.asyncio.Context.instance().socket().recv": "ZeroMQ message",
  // Object storage: a bucket's objects are whoever can write to the bucket's choice (other services, presigned
  // uploads, a leaked key), the same trust as a Redis key or an SQS message. `download_fileobj`/`download_file` write
  // into an argument or a local file, which the flow analysis does not follow.
  ...Object.fromEntries(S3_CLIENTS.map((c) => [`${c}.get_object`, "object read from S3"])),
  ...Object.fromEntries(S3_RESOURCES.flatMap((r) => [`${r}.Object().get`, `${r}.Bucket().Object().get`, `${r}.ObjectSummary().get`].map((n) => [n, "object read from S3"]))),
  // WebSocket clients: what the server sends.
  "websockets.connect()": "WebSocket connection (client)",
  "websockets.client.connect()": "WebSocket connection (client)",
  "websockets.asyncio.client.connect()": "WebSocket connection (client)",
  "websockets.sync.client.connect()": "WebSocket connection (client)",
  // aiohttp WebSockets: what the client (server side, `async for msg in ws`, `ws.receive_bytes()`) or the server
  // (`session.ws_connect()`) sends.
  "aiohttp.web.WebSocketResponse()": "WebSocket message (aiohttp server)",
  "aiohttp.web_ws.WebSocketResponse()": "WebSocket message (aiohttp server)",
  "aiohttp.ClientSession().ws_connect()": "WebSocket message (aiohttp client)",
  // asyncio streams: what the peer sends.
  "asyncio.open_connection": "a network connection (asyncio)",
  "asyncio.open_unix_connection": "a network connection (asyncio)",
};

/**
 * Request objects reached through a parameter or `self.request`: reading one of these attributes (or calling one of
 * these methods) yields untrusted data. Covers Django, Django REST framework, FastAPI/Starlette, aiohttp, Tornado,
 * Bottle, Falcon, Pyramid, Sanic and Flask's request objects when passed around.
 */
export const REQUEST_DATA_MEMBERS: ReadonlySet<string> = new Set([
  "body", "data", "GET", "POST", "COOKIES", "FILES", "META", "headers", "cookies", "form", "args", "values", "files",
  "json", "get_json", "get_data", "stream", "bounded_stream", "media", "get_media", "query_params", "path_params",
  "query", "forms", "params", "read", "text", "post", "content", "query_arguments", "body_arguments", "arguments",
  "raw_data", "raw", "input_stream", "query_string", "match_info", "rfile", "recv", "recv_into", "makefile",
  "receive", "receive_bytes", "receive_text", "receive_json", "iter_bytes", "iter_text", "multipart",
]);

/**
 * Classes and markers that, in a parameter's annotation or default, say the framework fills it from the request:
 * FastAPI's `UploadFile` and `File()`/`Form()`/`Body()`/... markers (data), and request or WebSocket classes
 * (a request object, whatever the parameter is called).
 */
const FASTAPI_MARKERS = ["File", "Form", "Body", "Query", "Header", "Cookie", "Path"];
const REQUEST_CLASSES = [
  "fastapi.Request", "fastapi.requests.Request", "starlette.requests.Request", "fastapi.WebSocket", "starlette.websockets.WebSocket",
  "aiohttp.web.Request", "aiohttp.web.BaseRequest", "aiohttp.web_request.Request", "django.http.HttpRequest", "django.http.request.HttpRequest",
  "rest_framework.request.Request", "sanic.Request", "sanic.request.Request", "falcon.Request", "falcon.asgi.Request", "tornado.httputil.HTTPServerRequest",
  "werkzeug.wrappers.Request", "werkzeug.Request", "flask.Request", "quart.Request", "litestar.Request", "pyramid.request.Request",
];
export const DECLARED_PARAMETERS: Readonly<Record<string, { kind: "data" | "request"; label: string }>> = Object.fromEntries([
  ...["fastapi.UploadFile", "fastapi.datastructures.UploadFile", "starlette.datastructures.UploadFile"].map((n) => [n, { kind: "data", label: "uploaded file" }]),
  ...FASTAPI_MARKERS.flatMap((m) => [`fastapi.${m}`, `fastapi.params.${m}`, `fastapi.param_functions.${m}`]).map((n) => [n, { kind: "data", label: `FastAPI request parameter (${n.slice(n.lastIndexOf(".") + 1)}())` }]),
  ...REQUEST_CLASSES.map((n) => [n, { kind: "request", label: `${n.split(".")[0]} request` }]),
]);

/**
 * Calls and decorators that register a function which a framework then calls with what a client sent: every
 * parameter of the function is untrusted. Gradio event handlers (the visitor's inputs and uploads), asyncio and
 * `websockets` servers (the client's stream or connection), Socket.IO event handlers, XML-RPC functions.
 */
export const CALLBACK_REGISTRARS: readonly (readonly [RegExp, string])[] = [
  [/^gradio\.((Interface|ChatInterface|on|render)|\w+\(\)\.(click|submit|change|upload|input|select|release|stop_recording|then|success|load))$/, "Gradio input"],
  [/^asyncio\.(start_server|start_unix_server)$/, "client stream of an asyncio server"],
  [/^websockets\.((legacy|asyncio|sync)\.)?(server\.)?serve$/, "WebSocket connection"],
  [/^(flask_socketio\.SocketIO|socketio\.(Server|AsyncServer|Namespace|AsyncNamespace))\(\)\.(on|event|on_event)$/, "Socket.IO message"],
  [/^(xmlrpc\.server|SimpleXMLRPCServer|DocXMLRPCServer)\.\w+\(\)\.register_function$/, "XML-RPC call argument"],
  [/^jsonrpc\.(dispatcher|Dispatcher\(\))\.add_method$|^jsonrpcserver\.method$/, "JSON-RPC call argument"],
  [/^bentoml\.(api|Service\(\)\.api)$/, "BentoML API input"],
  // Task queues: a task's arguments arrive in a message from the broker.
  [/^celery\.(shared_task|Celery\(\)\.task)$/, "Celery task argument (from the broker)"],
  [/^dramatiq\.actor$/, "Dramatiq actor argument (from the broker)"],
  [/^huey(\.\w+)*\.\w*Huey\(\)\.(task|periodic_task)$/, "Huey task argument (from the broker)"],
];

/**
 * Remote procedure call servers that call the methods of an object with what a client sent (see
 * `TaintTracker.rpcEndpoint`): decorators that expose a method (or every public method of a class), base classes whose
 * `exposed_*` methods clients call, and calls that register an object whose public methods clients call.
 */
export const RPC_EXPOSE_DECORATORS: readonly (readonly [RegExp, string])[] = [
  [/^Pyro[45](\.(api|server|core))?\.(expose|oneway)$/, "Pyro remote call argument"],
  [/^rpyc(\.\w+)*\.exposed$/, "RPyC remote call argument"],
];
export const RPC_SERVICE_BASES: readonly (readonly [RegExp, string])[] = [
  [/^rpyc(\.core\.service|\.core)?\.(Service|SlaveService|ClassicService|MasterService|VoidService)$/, "RPyC remote call argument"],
];
export const RPC_INSTANCE_REGISTRARS: readonly (readonly [RegExp, string])[] = [
  [/^(xmlrpc\.server|SimpleXMLRPCServer|DocXMLRPCServer)\.\w+\(\)\.register_instance$/, "XML-RPC call argument"],
];

/**
 * Classes whose methods a framework calls with what arrived from the network, when a subclass overrides them: the
 * base class (resolved), the methods, the parameters that hold the data (else every parameter), and whether a
 * parameter is the data itself or an object to read it from (a Scrapy `response`).
 */
export const CALLBACK_METHODS: readonly { base: RegExp; methods: RegExp; parameters?: RegExp; kind: "data" | "request"; label: string }[] = [
  { base: /^scrapy(\.spiders(\.\w+)?)?\.(Spider|CrawlSpider|XMLFeedSpider|CSVFeedSpider|SitemapSpider)$/, methods: /^/, parameters: /^response$/, kind: "request", label: "response a Scrapy spider downloaded" },
  { base: /^channels\.generic\.websocket\.(Async)?(Json)?WebsocketConsumer$/, methods: /^(receive|receive_json|websocket_receive|decode_json)$/, kind: "data", label: "WebSocket message (Django Channels)" },
  { base: /^tornado\.websocket\.WebSocketHandler$/, methods: /^on_message$/, kind: "data", label: "WebSocket message (Tornado)" },
  { base: /^twisted\.(internet\.protocol\.(Protocol|DatagramProtocol)|protocols\.basic\.\w+)$/, methods: /^(dataReceived|datagramReceived|lineReceived|rawDataReceived|stringReceived)$/, parameters: /^(?!addr)/, kind: "data", label: "data received by a Twisted protocol" },
  { base: /^asyncio(\.protocols)?\.(Protocol|BufferedProtocol|DatagramProtocol)$/, methods: /^(data_received|datagram_received)$/, parameters: /^(?!addr)/, kind: "data", label: "data received by an asyncio protocol" },
  { base: /_pb2_grpc\.\w+Servicer$/, methods: /^[A-Z]/, parameters: /^(request|request_iterator)$/, kind: "data", label: "gRPC request message" },
  // TorchServe calls handle(data, context) with the inference requests' bodies; BaseHandler.handle passes them to preprocess.
  { base: /^ts\.torch_handler\.\w+\.[A-Z]\w*$/, methods: /^(handle|preprocess)$/, parameters: /^(?!(context|ctx)$)/, kind: "data", label: "inference request a TorchServe handler receives" },
];

/** Parameter names that hold a web framework's request object in a handler. */
export const REQUEST_PARAMETERS: ReadonlySet<string> = new Set(["request", "req", "http_request"]);

/** Methods of `self` in request handlers (Tornado `RequestHandler`) that return request data. */
export const HANDLER_DATA_METHODS: ReadonlySet<string> = new Set([
  "get_argument", "get_arguments", "get_body_argument", "get_body_arguments", "get_query_argument", "get_query_arguments", "get_cookie", "get_secure_cookie",
]);

/** Attributes of `self` in request handlers that are request objects (Tornado, socketserver, http.server). */
export const HANDLER_REQUEST_ATTRIBUTES: ReadonlySet<string> = new Set(["request", "connection"]);

/** Attributes of `self` in socketserver/http.server handlers that are the client's input stream. */
export const HANDLER_STREAM_ATTRIBUTES: ReadonlySet<string> = new Set(["rfile"]);

/** AWS Lambda entry points: their first parameter (`event`) is untrusted. */
export const LAMBDA_HANDLERS = /^(lambda_handler|handler|[a-z0-9_]*_handler|main)$/;

/** Message-queue consumer callbacks (pika `on_message_callback(ch, method, properties, body)`): the body parameter. */
export const CALLBACK_BODY_PARAMETERS: ReadonlySet<string> = new Set(["body", "payload", "message_body"]);

/** Calls whose result is trusted whatever their input: signature checks with a server-side key. */
export const SANITIZERS: readonly RegExp[] = [
  /^itsdangerous\.\w+\(\)\.(loads|unsign|unsign_timestamp|loads_timestamp)$/,
  /^django\.core\.signing\.(loads|\w+\(\)\.(unsign|unsign_object))$/,
];

/** Calls whose result carries the taint of their arguments (decoders, decompressors, conversions, buffers). */
export const PROPAGATORS: readonly RegExp[] = [
  /^base64\.\w*decode\w*$/,
  /^binascii\.(a2b_\w+|unhexlify)$/,
  /^codecs\.decode$/,
  /^(zlib|gzip|bz2|lzma|zstd|brotli|lz4\.frame|snappy)\.decompress$/,
  /^(gzip|bz2|lzma)\.(open|GzipFile|BZ2File|LZMAFile)$/,
  /^builtins\.(bytes|bytearray|str|memoryview|bytes\.fromhex|bytearray\.fromhex|list|tuple|dict|next|reversed|sorted)$/,
  /^io\.(BytesIO|StringIO|BufferedReader|open)$/,
  // A file at a path the attacker names (an upload's temporary file, a path parameter): what it holds is theirs.
  /^(builtins|codecs)\.open$/,
  /^pathlib\.(Pure)?(Posix|Windows)?Path$/,
  /^json\.loads?$/,
  /^urllib\.parse\.(unquote\w*|parse_qs|parse_qsl)$/,
  /^(typing\.)?cast$/,
];

/** Constant-time comparisons that verify a payload's HMAC: a load on a branch they guard is not a finding. */
export const VERIFIERS: readonly string[] = ["hmac.compare_digest", "secrets.compare_digest"];

/** MAC computations whose `==` comparison is a check, but not a constant-time one (lower confidence). */
export const MAC_CALLS: readonly RegExp[] = [/^hmac\.(new|HMAC|digest)/];

/**
 * The qualified names the flow analysis resolves beyond the sinks (sources, decoders, sanitizers, verifiers): partial
 * parsing keeps the imports and module-level bindings that lead to them (see `PythonRule.flowNames`).
 */
export const FLOW_NAMES: readonly string[] = [
  ...Object.keys(DATA_SOURCES),
  ...Object.keys(DECLARED_PARAMETERS),
  "gradio.Interface", "gradio.ChatInterface", "gradio.on", "asyncio.start_server", "asyncio.start_unix_server", "websockets.serve",
  "flask_socketio.SocketIO", "socketio.Server", "socketio.AsyncServer", "xmlrpc.server.SimpleXMLRPCServer",
  "xmlrpc.server.DocXMLRPCServer", "Pyro5.api.expose", "Pyro5.server.expose", "Pyro5.api.oneway", "Pyro4.expose", "Pyro4.oneway", "rpyc.Service", "rpyc.exposed", "jsonrpc.dispatcher", "jsonrpcserver.method", "bentoml.api", "bentoml.Service",
  "scrapy.Spider", "scrapy.spiders.Spider", "scrapy.spiders.CrawlSpider", "scrapy.spiders.XMLFeedSpider", "scrapy.spiders.SitemapSpider",
  "channels.generic.websocket.WebsocketConsumer", "channels.generic.websocket.AsyncWebsocketConsumer", "tornado.websocket.WebSocketHandler",
  "twisted.internet.protocol.Protocol", "asyncio.Protocol", "asyncio.DatagramProtocol", "celery.shared_task", "celery.Celery", "dramatiq.actor",
  "flask.request", "bottle.request", "quart.request",
  "base64.b64decode", "base64.urlsafe_b64decode", "base64.standard_b64decode", "base64.b32decode", "base64.b16decode", "base64.a85decode", "base64.b85decode", "base64.decodebytes", "base64.decodestring",
  "binascii.unhexlify", "binascii.a2b_base64", "binascii.a2b_hex", "codecs.decode",
  "zlib.decompress", "gzip.decompress", "gzip.open", "gzip.GzipFile", "bz2.decompress", "bz2.open", "bz2.BZ2File", "lzma.decompress", "lzma.open", "lzma.LZMAFile",
  "io.BytesIO", "io.StringIO", "io.BufferedReader", "io.open", "builtins.open", "codecs.open", "pathlib.Path", "json.loads", "json.load", "urllib.parse.unquote", "urllib.parse.unquote_plus", "urllib.parse.unquote_to_bytes", "urllib.parse.parse_qs",
  "itsdangerous.Signer().unsign", "itsdangerous.URLSafeSerializer().loads", "itsdangerous.URLSafeTimedSerializer().loads", "itsdangerous.Serializer().loads", "itsdangerous.TimestampSigner().unsign",
  "django.core.signing.loads", "django.core.signing.Signer().unsign", "django.core.signing.TimestampSigner().unsign",
  ...VERIFIERS, "hmac.new", "hmac.HMAC",
];

/**
 * What code must contain for untrusted data to start there (see `PythonRule.flowSourceWords`), for the sources
 * `names` (qualified names such as `DATA_SOURCES`' keys): the module each is imported from (`socket`, `redis`), and
 * for a module attribute (`sys.stdin`, `builtins.input`) the attribute itself; plus the parameter names and handler
 * attributes that are sources or request objects (`req` also stands for the request parameters of `get`/`post`
 * handlers).
 */
export function sourceWords(names: Iterable<string>): string[] {
  const words = new Set<string>(["req", "event", "recv", ...REQUEST_PARAMETERS, ...CALLBACK_BODY_PARAMETERS, ...HANDLER_DATA_METHODS, ...HANDLER_REQUEST_ATTRIBUTES, ...HANDLER_STREAM_ATTRIBUTES]);
  for (const name of names) {
    const parts = name.replace(/\(\)/g, "").split(".");
    words.add(parts.length === 2 && !name.includes("(") ? parts[1] : parts[0]);
  }
  return [...words];
}

/** Context-local request objects, read like a request parameter: Flask's, Bottle's, Quart's (awaited). */
export const GLOBAL_REQUESTS: ReadonlySet<string> = new Set(["flask.request", "bottle.request", "quart.request", "werkzeug.wrappers.Request()"]);

/** The words of this module's sources, and of the request objects (`GLOBAL_REQUESTS`). */
export const SOURCE_WORDS: readonly string[] = sourceWords([...Object.keys(DATA_SOURCES), ...GLOBAL_REQUESTS]);
