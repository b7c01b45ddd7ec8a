#!/usr/bin/env node
'use strict';
// Prints Sellavie events from Kafka as JSON lines, decoded the way any non-JVM consumer can: the
// Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro binary), the writer's schema
// fetched from the registry's Confluent-compatible API (GET /schemas/ids/{id}), avsc to decode.
// No Sellavie or Apicurio code. Usage: node decode.js --help

const avro = require('avsc');
const { Kafka, logLevel } = require('kafkajs');

const USAGE = `node decode.js --brokers HOST:PORT --registry URL --topic T[,T...] [options]

  --brokers    Kafka bootstrap servers (default localhost:9092, the local stack's)
  --registry   the registry's Confluent-compatible API
               (default http://localhost:8090/apis/ccompat/v7, the local stack's)
  --topic      topics to read from their beginning, comma-separated (required)
  --max N      stop after N records (default: run until --idle-ms passes with no record)
  --idle-ms    stop after this long without a record (default 10000)
  --timeout-ms fail when --max records have not arrived within this long (default 60000)
  --group      consumer group (default: a new one per run, so nothing is committed for others)

One JSON object per line: topic, partition, offset, key, headers, schemaId, schema (the writer's
full name), value (timestamps as ISO-8601, optional fields null, a union of records as
{"<record full name>": {...}} as in Avro's JSON encoding).`;

/** Avro's timestamp-millis as a JS Date, so JSON shows ISO-8601 instead of epoch millis. */
class TimestampMillis extends avro.types.LogicalType {
  _fromValue(value) {
    return new Date(value);
  }

  _toValue(date) {
    return date instanceof Date ? date.getTime() : date;
  }

  _resolve(type) {
    if (avro.Type.isType(type, 'long', 'logical:timestamp-millis')) {
      return this._fromValue;
    }
    return undefined;
  }
}

/** Schema id -> avsc type, each fetched once from the Confluent-compatible API. */
class SchemaCache {
  constructor(registry) {
    this.registry = registry.replace(/\/+$/, '');
    this.types = new Map();
  }

  typeOf(id) {
    if (!this.types.has(id)) {
      this.types.set(id, this.fetch(id));
    }
    return this.types.get(id);
  }

  async fetch(id) {
    const response = await fetch(`${this.registry}/schemas/ids/${id}`);
    if (!response.ok) {
      throw new Error(`schema id ${id}: HTTP ${response.status} from ${this.registry}`);
    }
    const { schema } = await response.json();
    return avro.Type.forSchema(JSON.parse(schema), { logicalTypes: { 'timestamp-millis': TimestampMillis } });
  }
}

/** Decodes one record value in the Confluent wire format. */
async function decodeValue(schemas, bytes) {
  if (bytes === null) {
    return { schemaId: null, schema: null, value: null }; // a tombstone
  }
  if (bytes.length < 5 || bytes[0] !== 0) {
    throw new Error('not the Confluent wire format (magic byte 0 then a 4-byte schema id)');
  }
  const schemaId = bytes.readUInt32BE(1);
  const type = await schemas.typeOf(schemaId);
  // fromBuffer refuses trailing bytes: a body that does not match its schema fails instead of half-decoding.
  return { schemaId, schema: type.name, value: type.fromBuffer(bytes.subarray(5)) };
}

function parseArgs(argv) {
  const options = {
    brokers: 'localhost:9092',
    registry: 'http://localhost:8090/apis/ccompat/v7',
    topics: [],
    max: Infinity,
    idleMs: 10000,
    timeoutMs: 60000,
    group: `sellavie-decode-${process.pid}-${Date.now()}`,
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) {
        throw new Error(`${name} needs a value`);
      }
      return argv[++i];
    };
    switch (name) {
      case '--brokers': options.brokers = value(); break;
      case '--registry': options.registry = value(); break;
      case '--topic': options.topics.push(...value().split(',').filter(Boolean)); break;
      case '--max': options.max = Number.parseInt(value(), 10); break;
      case '--idle-ms': options.idleMs = Number.parseInt(value(), 10); break;
      case '--timeout-ms': options.timeoutMs = Number.parseInt(value(), 10); break;
      case '--group': options.group = value(); break;
      case '--help': case '-h': options.help = true; break;
      default: throw new Error(`unknown option ${name}`);
    }
  }
  if (!options.help && options.topics.length === 0) {
    throw new Error('--topic is required');
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const schemas = new SchemaCache(options.registry);
  const kafka = new Kafka({ clientId: 'sellavie-decode', brokers: options.brokers.split(','), logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({ groupId: options.group });
  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: true });

  let printed = 0;
  let failure = null;
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  // With --max, only the count or the timeout ends the run; without it, a quiet --idle-ms does.
  const bounded = Number.isFinite(options.max);
  const waitForNext = () => (bounded ? null : setTimeout(finish, options.idleMs));
  let idle = waitForNext();
  const timeout = bounded
    ? setTimeout(() => { failure = new Error(`${printed} of ${options.max} records within ${options.timeoutMs} ms`); finish(); },
      options.timeoutMs)
    : null;

  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      if (printed >= options.max) {
        return;
      }
      clearTimeout(idle);
      try {
        const decoded = await decodeValue(schemas, message.value);
        const headers = Object.fromEntries(Object.entries(message.headers || {})
          .map(([name, value]) => [name, value === undefined || value === null ? null : value.toString('utf8')]));
        console.log(JSON.stringify({
          topic,
          partition,
          offset: message.offset,
          key: message.key === null ? null : message.key.toString('utf8'),
          headers,
          ...decoded,
        }));
      } catch (error) {
        failure = new Error(`${topic}-${partition}@${message.offset}: ${error.message}`);
        finish();
        return;
      }
      printed++;
      if (printed >= options.max) {
        finish();
      } else {
        idle = waitForNext();
      }
    },
  });

  await finished;
  clearTimeout(idle);
  clearTimeout(timeout);
  await consumer.disconnect();
  if (failure) {
    throw failure;
  }
  return 0;
}

if (require.main === module) {
  main().then((code) => process.exit(code), (error) => {
    console.error(`decode: ${error.message}`);
    process.exit(1);
  });
}

module.exports = { decodeValue, SchemaCache };
