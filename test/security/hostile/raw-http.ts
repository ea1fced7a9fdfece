/** Malformed HTTP on a raw socket: what fetch will not send. */
import { CONTRACT_OPERATIONS } from '../../support/operations';
import { ORG_QUERY, gqlBody, type Corpus, type Probe } from './probes';

/** Malformed request lines, headers and bodies written to a raw socket. */
export async function addRawHttpProbes(corpus: Corpus): Promise<void> {
  const { stack, central, probes } = corpus;
  const base = stack.gatewayUrl;
  // 15. Malformed HTTP on a raw socket (what fetch will not send).
  const rawRequest = (label: string, head: string, body: string | Buffer = '', extra: Partial<Probe> = {}) => {
    probes.push({
      category: 'raw-http',
      label,
      target: 'gateway',
      raw: Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)]),
      ...extra,
    });
  };
  const path = new URL(base).pathname;
  const host = new URL(base).host;
  const jsonBody = gqlBody(ORG_QUERY);
  rawRequest(
    'NUL in a header value',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nX-Request-Id: a\u0000b\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    'control characters in Authorization',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: Bearer \u0001\u0002\u007f\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    'latin1 bytes in Authorization',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: Bearer \u00ff\u00fe\u00c3\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    'UTF-8 bytes in Authorization (Bearer ĐĐĐ)',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: ${Buffer.from('Bearer ĐĐĐ').toString('latin1')}\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  {
    const mutation = gqlBody(CONTRACT_OPERATIONS['CreateOrganization']!, {
      input: { code: 'SEC_IK_UTF8', name: 'x', kind: 'DEPARTMENT', parentCode: 'HN' },
    });
    rawRequest(
      'UTF-8 bytes in Idempotency-Key (ĐĐĐĐĐĐĐĐĐ)',
      `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${central}\r\nIdempotency-Key: ${Buffer.from('ĐĐĐĐĐĐĐĐĐ').toString('latin1')}\r\nContent-Length: ${Buffer.byteLength(mutation)}\r\nConnection: close\r\n\r\n`,
      mutation,
    );
    rawRequest(
      'UTF-8 bytes in X-Request-Id',
      `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nX-Request-Id: ${Buffer.from('Đ<script>').toString('latin1')}\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
      jsonBody,
    );
  }
  rawRequest(
    'content-length larger than the body',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n`,
    jsonBody,
    { allowNoAnswer: true },
  );
  rawRequest(
    'content-length and chunked together',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
    `${Buffer.byteLength(jsonBody).toString(16)}\r\n${jsonBody}\r\n0\r\n\r\n`,
  );
  rawRequest(
    'invalid chunk size',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
    'zz\r\n{}\r\n0\r\n\r\n',
  );
  rawRequest(
    'negative content-length',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: -1\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    'header without colon',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type application/json\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    'bare LF line endings',
    `POST ${path} HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nContent-Length: ${Buffer.byteLength(jsonBody)}\nConnection: close\n\n`,
    jsonBody,
  );
  rawRequest(
    'TRACE',
    `TRACE ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer x\r\nConnection: close\r\n\r\n`,
  );
  rawRequest('HTTP/0.9 request line', `GET ${path}\r\n\r\n`);
  rawRequest(
    'request line with SQL target',
    `GET ${path}?query=${encodeURIComponent("' OR 1=1")}%00 HTTP/1.1\r\nHost: ${host}\r\nApollo-Require-Preflight: 1\r\nConnection: close\r\n\r\n`,
  );
  rawRequest(
    'absolute-form target to another host',
    `POST http://169.254.169.254${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    '200 headers of 200 bytes',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${Array.from({ length: 200 }, (_, i) => `X-Pad-${i}: ${'p'.repeat(200)}\r\n`).join('')}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
}
