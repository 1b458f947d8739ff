// Reads an OpenAPI 3.1 document for the tests: its operations, and Ajv validators (JSON Schema
// 2020-12, strict) for the schemas it documents.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

// ajv and ajv-formats are CommonJS: the class is the default export, or its `default` property.
const Ajv2020: any = (Ajv2020Module as any).default ?? Ajv2020Module;
const addFormats: any = (addFormatsModule as any).default ?? addFormatsModule;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const COMPONENTS_ID = 'urn:motcua:openapi:components';

export interface Operation {
  path: string;
  method: string;
  operation: any;
  parameters: any[];
}

export class OpenApiDocument {
  readonly ajv: any;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly doc: any) {
    this.ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(doc.components?.schemas ?? {}) });
  }

  /** Every operation as "METHOD /path" with its parameters (path-level ones merged in). */
  operations(): Operation[] {
    const result: Operation[] = [];
    for (const [path, item] of Object.entries<any>(this.doc.paths ?? {})) {
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!operation) {
          continue;
        }
        const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => this.resolve(p));
        result.push({ path, method: method.toUpperCase(), operation, parameters });
      }
    }
    return result;
  }

  routeNames(): string[] {
    return this.operations().map((op) => `${op.method} ${op.path}`).sort();
  }

  /** Follows a local "$ref" ("#/components/...") once. */
  resolve(node: any): any {
    if (node && typeof node.$ref === 'string') {
      const parts = node.$ref.replace(/^#\//, '').split('/');
      let target = this.doc;
      for (const part of parts) {
        target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      }
      if (target === undefined) {
        throw new Error(`unresolved $ref ${node.$ref}`);
      }
      return this.resolve(target);
    }
    return node;
  }

  /** The documented response for `status` (exact, then 4XX/5XX, then default), resolved. */
  responseFor(operation: any, status: number): any | undefined {
    const responses = operation.responses ?? {};
    const found = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    return found === undefined ? undefined : this.resolve(found);
  }

  /** A validator for a schema taken from the document. */
  validator(schema: any): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema)) as ValidateFunction;
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** Validates `value` against `schema`; returns a readable error list, empty when valid. */
  check(schema: any, value: unknown): string {
    const validate = this.validator(schema);
    if (validate(value)) {
      return '';
    }
    return this.ajv.errorsText(validate.errors, { separator: '\n' });
  }
}

function rewriteRefs(node: any): any {
  if (Array.isArray(node)) {
    return node.map(rewriteRefs);
  }
  if (node && typeof node === 'object') {
    const copy: any = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        copy[key] = `${COMPONENTS_ID}#/$defs/${value.slice('#/components/schemas/'.length)}`;
      } else {
        copy[key] = rewriteRefs(value);
      }
    }
    return copy;
  }
  return node;
}

/** The media type of a Content-Type header value, without parameters. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
