/** Built-in health per kind, the argocd-cm Lua override, and deletion, as Argo CD computes them. */
import { describe, expect, it } from 'vitest';
import { healthOverrides, resourceHealth } from '../../src/simulate/health.js';
const obj = (apiVersion, kind, spec, status, metadata = {}) => ({ apiVersion, kind, metadata: { name: 'x', generation: 1, ...metadata }, spec, status });
const deploy = (spec, status) => obj('apps/v1', 'Deployment', { replicas: 2, ...spec }, { observedGeneration: 1, ...status });
const rollout = (status) => obj('argoproj.io/v1alpha1', 'Rollout', {}, { observedGeneration: '1', ...status });
const none = new Map();
describe('built-in health per kind', () => {
    it.each([
        ['Deployment paused', deploy({ paused: true }, {}), 'Suspended', 'Deployment is paused'],
        ['Deployment generation not observed', deploy({}, { observedGeneration: 0 }), 'Progressing', 'Waiting for rollout to finish: observed deployment generation less than desired generation'],
        ['Deployment past its progress deadline', deploy({}, { conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded' }] }), 'Degraded', 'Deployment "x" exceeded its progress deadline'],
        ['Deployment 1 of 2 updated', deploy({}, { updatedReplicas: 1, replicas: 1 }), 'Progressing', 'Waiting for rollout to finish: 1 out of 2 new replicas have been updated...'],
        ['Deployment updated, 1 available', deploy({}, { updatedReplicas: 2, replicas: 2, availableReplicas: 1 }), 'Progressing', 'Waiting for rollout to finish: 1 of 2 updated replicas are available...'],
        ['Deployment available', deploy({}, { updatedReplicas: 2, replicas: 2, availableReplicas: 2 }), 'Healthy', ''],
        ['StatefulSet 1 of 3 ready', obj('apps/v1', 'StatefulSet', { replicas: 3 }, { observedGeneration: 1, readyReplicas: 1 }), 'Progressing', 'Waiting for 2 pods to be ready...'],
        ['Rollout paused (a canary step)', rollout({ phase: 'Paused', message: 'CanaryPauseStep' }), 'Suspended', 'CanaryPauseStep'],
        ['Rollout generation not observed', obj('argoproj.io/v1alpha1', 'Rollout', {}, { observedGeneration: '0', phase: 'Healthy' }), 'Progressing', 'Waiting for rollout spec update to be observed'],
        ['Rollout Healthy', rollout({ phase: 'Healthy' }), 'Healthy', ''],
        ['Rollout Degraded', rollout({ phase: 'Degraded', message: 'ProgressDeadlineExceeded' }), 'Degraded', 'ProgressDeadlineExceeded'],
        ['Job running', obj('batch/v1', 'Job', {}, {}), 'Progressing', 'job is running'],
        ['Job complete', obj('batch/v1', 'Job', {}, { conditions: [{ type: 'Complete', status: 'True' }] }), 'Healthy', ''],
        ['Job failed', obj('batch/v1', 'Job', {}, { conditions: [{ type: 'Failed', status: 'True', message: 'BackoffLimitExceeded' }] }), 'Degraded', 'BackoffLimitExceeded'],
        ['Job suspended', obj('batch/v1', 'Job', { suspend: true }, {}), 'Suspended', 'job is suspended'],
        ['PVC Pending', obj('v1', 'PersistentVolumeClaim', {}, { phase: 'Pending' }), 'Progressing', ''],
        ['PVC Bound', obj('v1', 'PersistentVolumeClaim', {}, { phase: 'Bound' }), 'Healthy', ''],
        ['PVC Lost', obj('v1', 'PersistentVolumeClaim', {}, { phase: 'Lost' }), 'Degraded', ''],
        ['Service LoadBalancer without an address', obj('v1', 'Service', { type: 'LoadBalancer' }, {}), 'Progressing', ''],
        ['Service ClusterIP', obj('v1', 'Service', {}, {}), 'Healthy', ''],
        ['HPA before its first scale', obj('autoscaling/v2', 'HorizontalPodAutoscaler', {}, {}), 'Progressing', 'Waiting to Autoscale'],
        ['HPA whose target is missing', obj('autoscaling/v2', 'HorizontalPodAutoscaler', {}, { conditions: [{ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: 'not found' }] }), 'Degraded', 'not found'],
        ['HPA able to scale', obj('autoscaling/v2', 'HorizontalPodAutoscaler', {}, { conditions: [{ type: 'AbleToScale', status: 'True' }] }), 'Healthy', ''],
        ['ExternalSecret not yet synced', obj('external-secrets.io/v1beta1', 'ExternalSecret', {}, {}), 'Progressing', 'Waiting for ExternalSecret'],
        ['AnalysisRun Inconclusive', obj('argoproj.io/v1alpha1', 'AnalysisRun', {}, { phase: 'Inconclusive' }), 'Unknown', ''],
        ['ApplicationSet with a generation error', obj('argoproj.io/v1alpha1', 'ApplicationSet', {}, { conditions: [{ type: 'ErrorOccurred', status: 'True', message: 'bad template' }] }), 'Degraded', 'bad template'],
    ])('%s: %s', (_name, o, status, message) => {
        expect(resourceHealth(o, none)).toEqual({ status, message });
    });
    it.each([
        ['a ConfigMap', obj('v1', 'ConfigMap', {}, {})],
        ['an Application (no built-in check since Argo CD 1.8)', obj('argoproj.io/v1alpha1', 'Application', {}, {})],
    ])('%s has no health', (_name, o) => {
        expect(resourceHealth(o, none)).toBeUndefined();
    });
    it('an object being deleted is Progressing, whatever its kind', () => {
        expect(resourceHealth(obj('v1', 'ConfigMap', {}, {}, { deletionTimestamp: 'now' }), none)).toEqual({ status: 'Progressing', message: 'Pending deletion' });
    });
});
describe('a Lua health check from argocd-cm comes before the built-in one', () => {
    const app = (extra) => ({ ...obj('argoproj.io/v1alpha1', 'Application', {}, { health: { status: 'Healthy' } }), ...extra });
    const script = [
        'hs = {}',
        'if obj.operation ~= nil then hs.status = "Progressing"; hs.message = "operation running"; return hs end',
        'hs.status = obj.status.health.status',
        'return hs',
    ].join('\n');
    const overrides = healthOverrides({ 'resource.customizations.health.argoproj.io_Application': script, 'resource.customizations.ignoreDifferences.all': 'x' });
    it('reads the keys resource.customizations.health.<group>_<kind> only', () => {
        expect([...overrides.keys()]).toEqual(['argoproj.io/Application']);
    });
    it.each([
        ['without .operation: the child\'s own health', app({}), { status: 'Healthy', message: '' }],
        ['with .operation set: Progressing', app({ operation: { sync: {} } }), { status: 'Progressing', message: 'operation running' }],
    ])('%s', (_name, o, health) => {
        expect(resourceHealth(o, overrides)).toEqual(health);
    });
    it('a script error is Unknown with the error', () => {
        const bad = new Map([['argoproj.io/Application', 'return obj.nothing.here']]);
        expect(resourceHealth(app({}), bad)).toEqual({ status: 'Unknown', message: 'health script error: [string "return obj.nothing.here"]:1: attempt to index a nil value (field \'nothing\')' });
    });
});
