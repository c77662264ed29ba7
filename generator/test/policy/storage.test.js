/**
 * policy/data-storage-class: a volume naming a storage class its cluster does not have is never bound
 * (issue 12, "storage class exists"). Per claiming kind, then on the seed platform with the cluster's
 * class renamed.
 */
import { describe, expect, it } from 'vitest';
import { checkStorageClasses } from '../../src/policy/storage.js';
import { checkRepository } from '../../src/policy/repository.js';
import { render } from '../../src/render/index.js';
import { REPO_ROOT, modelOf } from '../helpers/platform.js';
const NS = { namespace: 'suoke-prod-data' };
const show = (objects, provided = ['fast-ssd']) => checkStorageClasses('prod', 'clusters/prod/cluster.yaml', provided, [{ path: 'clusters/prod/prod/data', objects }]).map((f) => `${f.object} ${f.path}: ${f.message} | ${f.hint}`);
describe('policy/data-storage-class', () => {
    it.each([
        ['a CloudNativePG Cluster, data and WAL volumes', { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'postgres', ...NS }, spec: { storage: { storageClass: 'fast-sdd' }, walStorage: { storageClass: 'standard' } } }, [
                'postgresql.cnpg.io/v1/Cluster suoke-prod-data/postgres spec.storage.storageClass: Cluster "postgres" claims its volumes from storage class `fast-sdd`, which cluster prod does not have (its platform renders `fast-ssd`): the claims are never bound and its pods stay Pending | use a class the cluster has, or declare `fast-sdd` as `platform.storageClass` in clusters/prod/cluster.yaml',
                'postgresql.cnpg.io/v1/Cluster suoke-prod-data/postgres spec.walStorage.storageClass: Cluster "postgres" claims its volumes from storage class `standard`, which cluster prod does not have (its platform renders `fast-ssd`): the claims are never bound and its pods stay Pending | use a class the cluster has, or declare `standard` as `platform.storageClass` in clusters/prod/cluster.yaml',
            ]],
        ['a RedisReplication', { apiVersion: 'redis.redis.opstreelabs.in/v1beta2', kind: 'RedisReplication', metadata: { name: 'redis', ...NS }, spec: { storage: { volumeClaimTemplate: { spec: { storageClassName: 'ssd' } } } } }, [
                'redis.redis.opstreelabs.in/v1beta2/RedisReplication suoke-prod-data/redis spec.storage.volumeClaimTemplate.spec.storageClassName: RedisReplication "redis" claims its volumes from storage class `ssd`, which cluster prod does not have (its platform renders `fast-ssd`): the claims are never bound and its pods stay Pending | use a class the cluster has, or declare `ssd` as `platform.storageClass` in clusters/prod/cluster.yaml',
            ]],
        ['a RabbitmqCluster', { apiVersion: 'rabbitmq.com/v1beta1', kind: 'RabbitmqCluster', metadata: { name: 'rabbitmq', ...NS }, spec: { persistence: { storageClassName: 'ssd' } } }, [
                'rabbitmq.com/v1beta1/RabbitmqCluster suoke-prod-data/rabbitmq spec.persistence.storageClassName: RabbitmqCluster "rabbitmq" claims its volumes from storage class `ssd`, which cluster prod does not have (its platform renders `fast-ssd`): the claims are never bound and its pods stay Pending | use a class the cluster has, or declare `ssd` as `platform.storageClass` in clusters/prod/cluster.yaml',
            ]],
        ['a StatefulSet claim template', { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'es', ...NS }, spec: { volumeClaimTemplates: [{ spec: { storageClassName: 'fast-ssd' } }, { spec: { storageClassName: 'slow' } }] } }, [
                'apps/v1/StatefulSet suoke-prod-data/es spec.volumeClaimTemplates[1].spec.storageClassName: StatefulSet "es" claims its volumes from storage class `slow`, which cluster prod does not have (its platform renders `fast-ssd`): the claims are never bound and its pods stay Pending | use a class the cluster has, or declare `slow` as `platform.storageClass` in clusters/prod/cluster.yaml',
            ]],
        ['quiet: the class the cluster renders', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', ...NS }, spec: { storageClassName: 'fast-ssd' } }, []],
        ['quiet: no class, the cluster default', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', ...NS }, spec: {} }, []],
    ])('%s', (_name, object, expected) => {
        expect(show([object])).toEqual(expected);
    });
    it('a cluster whose platform renders no StorageClass has its classes installed outside: not judged', () => {
        expect(show([{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', ...NS }, spec: { storageClassName: 'standard' } }], [])).toEqual([]);
    });
    it('the seed: quiet as committed; renaming prod\'s class leaves PostgreSQL, Redis and RabbitMQ unbound', () => {
        const model = modelOf(REPO_ROOT);
        const ids = (m) => checkRepository(m, render(m).targets).findings.filter((f) => f.check === 'policy/data-storage-class').map((f) => `${f.file} ${f.object} ${f.path}`);
        expect(ids(model)).toEqual([]);
        const prod = model.clusters.find((c) => c.name === 'prod');
        prod.platform.storageClass.name = 'essd-pl1';
        expect(ids(model)).toEqual([
            'clusters/prod/prod/data postgresql.cnpg.io/v1/Cluster suoke-prod-data/postgres spec.storage.storageClass',
            'clusters/prod/prod/data rabbitmq.com/v1beta1/RabbitmqCluster suoke-prod-data/rabbitmq spec.persistence.storageClassName',
            'clusters/prod/prod/data redis.redis.opstreelabs.in/v1beta2/RedisReplication suoke-prod-data/redis spec.storage.volumeClaimTemplate.spec.storageClassName',
        ]);
    });
});
