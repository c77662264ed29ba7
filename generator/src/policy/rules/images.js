import { containers, isWorkload, label, podTemplate, str } from './pod.js';
/** Splits `registry:5000/a/b:1.2@sha256:…` into repository, tag and digest. */
function parseImage(image) {
    const at = image.indexOf('@');
    const digest = at < 0 ? undefined : image.slice(at + 1);
    const named = at < 0 ? image : image.slice(0, at);
    const slash = named.lastIndexOf('/');
    const colon = named.lastIndexOf(':');
    const tag = colon > slash ? named.slice(colon + 1) : undefined;
    return { repository: colon > slash ? named.slice(0, colon) : named, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}
export const imageTag = {
    id: 'image-tag',
    description: 'Every container image names a fixed version: a tag other than `latest`, or a digest.',
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        return containers(podTemplate(obj)).flatMap((c) => {
            const image = str(c.c.image);
            if (image === undefined || image === '') {
                return [ctx.report([...c.at, 'image'], `${label(c)} has no image`, 'set image to `<repository>:<version>`')];
            }
            const { tag, digest } = parseImage(image);
            if (digest !== undefined)
                return [];
            if (tag === undefined) {
                return [ctx.report([...c.at, 'image'], `${label(c)} image "${image}" has no tag, so it runs whatever "latest" is when the pod starts`, 'pin a version: `<repository>:<version>`')];
            }
            if (tag === 'latest') {
                return [ctx.report([...c.at, 'image'], `${label(c)} image "${image}" uses the tag "latest", which changes under running pods`, 'pin a version: `<repository>:<version>`')];
            }
            return [];
        });
    },
};
/**
 * Digest pinning: a tag can be pushed again, a digest cannot. A warning (not an error) in production:
 * the seed platform's registry does not publish digests yet, and our tags are immutable by convention.
 */
export const imageDigest = {
    id: 'image-digest',
    description: 'Production images are pinned by digest (`@sha256:…`), so a re-pushed tag cannot change what runs.',
    severity: { development: 'off', production: 'warning' },
    applies: isWorkload,
    check(obj, ctx) {
        return containers(podTemplate(obj)).flatMap((c) => {
            const image = str(c.c.image);
            if (image === undefined || image === '' || parseImage(image).digest !== undefined)
                return [];
            return [ctx.report([...c.at, 'image'], `${label(c)} image "${image}" is not pinned by digest`, 'append the digest: `<repository>:<version>@sha256:<digest>`')];
        });
    },
};
