/**
 * cert-manager in the simulation (issue 13): the health Argo CD v3.5.1 ships for Certificate and
 * ClusterIssuer (re-expressed in simulate/health.ts), and the status the simulated cert-manager writes.
 */
import { describe, expect, it } from 'vitest';
import { Cluster, type Live } from '../../src/simulate/cluster.js';
import { resourceHealth } from '../../src/simulate/health.js';
import type { Obj } from '../../src/simulate/objects.js';
import { nextOperatorEvent, operatorStatus, POD_READY_MS } from '../../src/simulate/operators.js';

const none = new Map<string, string>();
const cond = (type: string, status: string, message = ''): Obj => ({ type, status, reason: 'r', message });
const certificate = (status: Obj): Obj => ({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'tls', namespace: 'istio-ingress' }, spec: {}, status });
const issuer = (status: Obj): Obj => ({ apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', metadata: { name: 'letsencrypt' }, spec: {}, status });

describe('Certificate: the check Argo CD v3.5.1 ships (resource_customizations/cert-manager.io/Certificate)', () => {
  it.each<[string, Obj, string, string]>([
    ['no status yet', certificate({}), 'Progressing', 'Waiting for certificate'],
    ['issuing, first issuance (Ready False too): Issuing is read first', certificate({ conditions: [cond('Ready', 'False', 'no Secret'), cond('Issuing', 'True', 'issuing')] }), 'Progressing', 'issuing'],
    ['Ready False, not issuing', certificate({ conditions: [cond('Ready', 'False', 'expired')] }), 'Degraded', 'expired'],
    ['Ready True', certificate({ conditions: [cond('Ready', 'True', 'up to date')] }), 'Healthy', 'up to date'],
    ['renewing: Ready True and Issuing True', certificate({ conditions: [cond('Ready', 'True', 'up to date'), cond('Issuing', 'True', 'renewing')] }), 'Progressing', 'renewing'],
  ])('%s', (_name, o, status, message) => {
    expect(resourceHealth(o, none)).toEqual({ status, message });
  });
});

describe('ClusterIssuer: the check Argo CD v3.5.1 ships', () => {
  it.each<[string, Obj, string, string]>([
    ['no status yet', issuer({}), 'Progressing', 'Initializing ClusterIssuer'],
    ['account registered', issuer({ conditions: [cond('Ready', 'True', 'registered')] }), 'Healthy', 'registered'],
    ['registration failed', issuer({ conditions: [cond('Ready', 'False', 'bad e-mail')] }), 'Degraded', 'bad e-mail'],
  ])('%s', (_name, o, status, message) => {
    expect(resourceHealth(o, none)).toEqual({ status, message });
  });
});

describe('the simulated cert-manager', () => {
  const APPLIED = 1_000_000;
  const clusterOf = (...objects: Obj[]) => {
    const c = new Cluster('s', 's', [], ['istio-ingress']);
    for (const o of objects) {
      const m = o['metadata'] as Obj;
      const ns = m['namespace'] === undefined ? '' : String(m['namespace']);
      c.put(`cert-manager.io/${String(o['kind'])}/${ns}/${String(m['name'])}`, { manifest: o, generation: 1, appliedAt: APPLIED, status: {} });
    }
    return c;
  };
  const cert = { ...certificate({}), spec: { secretName: 'tls', dnsNames: ['www.example.com'], issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt' } } };
  const health = (c: Cluster, at: number) => {
    const live = c.list('cert-manager.io/Certificate')[0] as Live;
    return resourceHealth({ ...cert, status: operatorStatus(c, live, at) }, none)?.status;
  };

  it('issues the Certificate 90 s after it and its ClusterIssuer are applied: Progressing, then Healthy', () => {
    const c = clusterOf(issuer({}), cert);
    expect(health(c, APPLIED)).toBe('Progressing');
    expect(nextOperatorEvent(c, APPLIED)).toBe(APPLIED + POD_READY_MS + 30_000);
    expect(health(c, APPLIED + POD_READY_MS + 30_000)).toBe('Healthy');
  });

  it('never issues without its ClusterIssuer', () => {
    const c = clusterOf(cert);
    expect(health(c, APPLIED + 60 * POD_READY_MS)).toBe('Progressing');
    expect(nextOperatorEvent(c, APPLIED)).toBeUndefined();
  });
});
