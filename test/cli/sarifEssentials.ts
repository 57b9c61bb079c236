// The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that `validate --format sarif`
// uses: required properties, enums, minimums, and — on the objects we write — no property the standard
// does not define (a misspelt `helpURI` would fail). Written out here: tests do not download schemas.

const message = {
  type: 'object',
  anyOf: [{ required: ['text'] }, { required: ['id'] }],
  properties: { text: { type: 'string' }, markdown: { type: 'string' }, id: { type: 'string' }, arguments: { type: 'array' } },
  additionalProperties: false,
};

const artifactLocation = {
  type: 'object',
  properties: { uri: { type: 'string' }, uriBaseId: { type: 'string' }, index: { type: 'integer', minimum: -1 }, description: message },
  additionalProperties: false,
};

const region = {
  type: 'object',
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
    charOffset: { type: 'integer', minimum: -1 },
    charLength: { type: 'integer', minimum: 0 },
  },
  additionalProperties: false,
};

const physicalLocation = {
  type: 'object',
  anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }],
  properties: { artifactLocation, region, contextRegion: region, address: { type: 'object' } },
  additionalProperties: false,
};

const location = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: -1 }, physicalLocation, message, logicalLocations: { type: 'array' }, annotations: { type: 'array' } },
  additionalProperties: false,
};

const level = { enum: ['none', 'note', 'warning', 'error'] };

const reportingDescriptor = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    shortDescription: message,
    fullDescription: message,
    help: message,
    helpUri: { type: 'string', pattern: '^https://' },
    defaultConfiguration: { type: 'object', properties: { enabled: { type: 'boolean' }, level, rank: { type: 'number' } }, additionalProperties: false },
    properties: { type: 'object' },
  },
  additionalProperties: false,
};

const result = {
  type: 'object',
  required: ['message'],
  properties: {
    ruleId: { type: 'string' },
    ruleIndex: { type: 'integer', minimum: -1 },
    kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
    level,
    message,
    locations: { type: 'array', items: location },
    relatedLocations: { type: 'array', items: location, uniqueItems: true },
    partialFingerprints: { type: 'object' },
    properties: { type: 'object' },
  },
  additionalProperties: false,
};

export const SARIF_ESSENTIALS = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  semanticVersion: { type: 'string' },
                  informationUri: { type: 'string' },
                  rules: { type: 'array', items: reportingDescriptor, uniqueItems: true },
                },
                additionalProperties: false,
              },
            },
            additionalProperties: false,
          },
          // A base URI SHALL end with a slash (SARIF 2.1.0 §3.14.14).
          originalUriBaseIds: { type: 'object', additionalProperties: { ...artifactLocation, properties: { ...artifactLocation.properties, uri: { type: 'string', pattern: '/$' } } } },
          artifacts: { type: 'array', items: { type: 'object', properties: { location: artifactLocation }, additionalProperties: false } },
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          results: { type: 'array', items: result },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;
