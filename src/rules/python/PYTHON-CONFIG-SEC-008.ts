import { code, defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { CONFIG_COMPLIANCE, CONFIG_REFERENCES, constant, isPickleLoader, isPickleModule, resolvedNames, serializerChoice } from "./config-helpers.js";
import { spelled } from "./sink-helpers.js";

/** SQLAlchemy's `PickleType` column type, also as Flask-SQLAlchemy's `db.PickleType`. */
const PICKLE_TYPE = ["sqlalchemy.PickleType", "sqlalchemy.types.PickleType", "sqlalchemy.sql.sqltypes.PickleType", "flask_sqlalchemy.SQLAlchemy().PickleType"];

/** django-picklefield's model field. */
const PICKLED_OBJECT_FIELD = ["picklefield.PickledObjectField", "picklefield.fields.PickledObjectField"];

/** APScheduler 3 job stores: each pickles a job's state (its callable, arguments and trigger) and unpickles it to run it. */
const APSCHEDULER_JOB_STORES = [
  "sqlalchemy.SQLAlchemyJobStore", "redis.RedisJobStore", "mongodb.MongoDBJobStore", "rethinkdb.RethinkDBJobStore", "zookeeper.ZooKeeperJobStore", "etcd.EtcdJobStore",
].map((n) => `apscheduler.jobstores.${n}`);

/** APScheduler 3 `add_jobstore` aliases of those stores. */
const APSCHEDULER_STORE_ALIASES = /^(?:sqlalchemy|redis|mongodb|rethinkdb|zookeeper|etcd)$/;
const APSCHEDULER_ADD_JOBSTORE = [
  "background.BackgroundScheduler", "blocking.BlockingScheduler", "asyncio.AsyncIOScheduler", "gevent.GeventScheduler", "tornado.TornadoScheduler",
  "twisted.TwistedScheduler", "qt.QtScheduler", "base.BaseScheduler",
].map((n) => `apscheduler.schedulers.${n}().add_jobstore`);

/** APScheduler 4 data stores: `serializer` defaults to `PickleSerializer`. */
const APSCHEDULER_DATA_STORES = ["apscheduler.datastores.sqlalchemy.SQLAlchemyDataStore", "apscheduler.datastores.mongodb.MongoDBDataStore"];

/** `PickleType(pickler=json)` stores JSON: only pickle-like picklers (or none) unpickle. */
function checkPickleType(m: SinkMatch): SinkOutcome | null {
  if (m.via === "reference") return {};
  return serializerChoice(m, m.args.find("pickler", 1), (g) => isPickleModule(m, g)) ? {} : null;
}

const pickleTypeMessage = (m: SinkMatch) =>
  `${spelled(m)} stores the column's values pickled and unpickles every row it loads: whoever can write that column (another service sharing ` +
  `the database, an SQL injection anywhere, a restored backup) runs code in the application when the row is read. Store JSON ` +
  `(\`sqlalchemy.JSON\`) or columns of plain types instead.`;

const pickledFieldMessage = (m: SinkMatch) =>
  `${spelled(m)} (django-picklefield) stores the field pickled and unpickles it whenever the model is loaded: whoever can write that column runs ` +
  `code in the application. Use \`models.JSONField\` for structured data.`;

function checkJobStore(m: SinkMatch): SinkOutcome | null {
  return {
    message:
      `${spelled(m)} pickles every job (its function reference, arguments and trigger) into the store and unpickles it to run it: whoever can write ` +
      `the job table or keys (another service sharing the database or an unauthenticated Redis/MongoDB) runs code in the scheduler. Keep the job ` +
      `store private to the scheduler, or use the in-memory store and re-add jobs at start-up.`,
  };
}

/** `scheduler.add_jobstore("sqlalchemy", url=...)`: the alias of a pickling store. */
function checkAddJobstore(m: SinkMatch): SinkOutcome | null {
  const alias = constant(m, m.args.find("jobstore", 0))?.trim();
  if (alias === undefined || !APSCHEDULER_STORE_ALIASES.test(alias)) return null;
  return {
    message:
      `${spelled(m)} with ${code(JSON.stringify(alias))} adds an APScheduler job store that pickles every job and unpickles it to run it: whoever can ` +
      `write that store runs code in the scheduler. Keep the job store private to the scheduler.`,
  };
}

/** APScheduler 4: a data store without `serializer=` (or with `PickleSerializer`). */
function checkDataStore(m: SinkMatch): SinkOutcome | null {
  const choice = serializerChoice(m, m.args.find("serializer"), (g) => resolvedNames(m, g).some((n) => /PickleSerializer(?:\(\))?$/.test(n)) || isPickleLoader(m, g));
  if (!choice) return null;
  return {
    message:
      `${spelled(m)} ${choice === "pickle" ? "with `PickleSerializer`" : "without `serializer=`"} pickles schedules and jobs (APScheduler 4's default) and unpickles ` +
      `them to run them: whoever can write the store runs code in the scheduler. Pass \`serializer=JSONSerializer()\` or \`CBORSerializer()\`.`,
  };
}

export default defineRule({
  id: "PYTHON-CONFIG-SEC-008",
  name: "Database Column or Job Store That Unpickles (SQLAlchemy PickleType, django-picklefield, APScheduler)",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "database", "orm", "sqlalchemy", "django", "apscheduler", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-005", "PYTHON-CONFIG-SEC-004"],
  prefilter: ["PickleType", "picklefield", "PickledObjectField", "apscheduler"],
  sinks: [
    { call: PICKLE_TYPE, references: true, check: checkPickleType, message: pickleTypeMessage },
    { call: PICKLED_OBJECT_FIELD, references: true, message: pickledFieldMessage },
    { call: APSCHEDULER_JOB_STORES, subclasses: true, check: checkJobStore, message: () => "" },
    { call: APSCHEDULER_ADD_JOBSTORE, check: checkAddJobstore, message: () => "" },
    { call: APSCHEDULER_DATA_STORES, check: checkDataStore, message: () => "" },
  ],
  docs: {
    summary: "Detects database columns and scheduler job stores that pickle what they store: SQLAlchemy `PickleType`, django-picklefield's `PickledObjectField`, and APScheduler's database, Redis and MongoDB job stores.",
    description:
      "An ORM column of SQLAlchemy's `PickleType` (also Flask-SQLAlchemy's `db.PickleType`, in `Column(...)` or " +
      "`mapped_column(...)`) or django-picklefield's `PickledObjectField` is pickled on write and unpickled every time a row " +
      "is loaded. APScheduler 3's `SQLAlchemyJobStore`, `RedisJobStore`, `MongoDBJobStore`, `RethinkDBJobStore`, " +
      "`ZooKeeperJobStore` and `EtcdJobStore` (also added by alias, `scheduler.add_jobstore(\"sqlalchemy\", ...)`) pickle each " +
      "job's state and unpickle it to run the job; APScheduler 4's data stores do the same unless `serializer=` names JSON or " +
      "CBOR. A `PickleType(pickler=json)` is not reported; settings passed through `**kwargs` are assumed to be safe.",
    securityImplications:
      "The database becomes code: a second service with write access to the table, an SQL injection elsewhere in the " +
      "application, a restored or imported dump, or an unauthenticated Redis/MongoDB holding the jobs turns a data write into " +
      "code execution in every process that loads the row or runs the job.",
    howToFix:
      "Store JSON (`sqlalchemy.JSON`, `models.JSONField`) or plain columns instead of pickles. Keep APScheduler job stores on a " +
      "database only the scheduler can write, or use the in-memory store and register jobs at start-up; on APScheduler 4 pass " +
      "`serializer=JSONSerializer()`.",
    fixHint: "Use JSON columns instead of PickleType/PickledObjectField; keep job stores private to the scheduler.",
    vulnerableExample: ["from sqlalchemy import Column, Integer, PickleType", "from sqlalchemy.orm import declarative_base", "", "Base = declarative_base()", "", "class Report(Base):", '    __tablename__ = "reports"', "    id = Column(Integer, primary_key=True)", "    data = Column(PickleType)"].join("\n"),
    safeExample: ["from sqlalchemy import JSON, Column, Integer", "from sqlalchemy.orm import declarative_base", "", "Base = declarative_base()", "", "class Report(Base):", '    __tablename__ = "reports"', "    id = Column(Integer, primary_key=True)", "    data = Column(JSON)"].join("\n"),
    detectionScope:
      "Column types and fields resolved through imports and aliases, called or passed uncalled (`Column(PickleType)`); job " +
      "store constructors and subclasses; `add_jobstore` aliases given as literals. APScheduler configured from a dictionary " +
      "of `type` strings, and columns declared in migrations only, are not seen.",
    references: [
      { title: "SQLAlchemy: PickleType", url: "https://docs.sqlalchemy.org/en/20/core/type_basics.html#sqlalchemy.types.PickleType" },
      { title: "django-picklefield", url: "https://github.com/gintas/django-picklefield" },
      { title: "APScheduler 3: job stores", url: "https://apscheduler.readthedocs.io/en/3.x/userguide.html#choosing-the-right-job-store" },
      ...CONFIG_REFERENCES,
    ],
    faq: [
      {
        question: "Only our application writes to that database. Why is this reported?",
        answer:
          "The column turns any write to the database into code execution: an SQL injection in an unrelated endpoint, a reporting " +
          "tool with write access, or a restored dump. Medium severity reflects that an attacker first needs that write.",
      },
    ],
  },
});
