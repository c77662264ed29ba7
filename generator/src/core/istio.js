/**
 * Facts of Istio's sidecar injection that both the renderer and the policies rely on (Istio 1.22,
 * unchanged in 1.28). A leaf: imports nothing of ours.
 */
/**
 * The per-pod annotations that size the injected sidecar. Injection renders the `resources` of
 * istio-proxy (and of the istio-init / istio-validation init container) from them; if any one is set,
 * only the ones set are emitted and `global.proxy.resources` is ignored
 * (manifests/charts/istio-control/istio-discovery/files/injection-template.yaml:1-26 @ 1.22.8; used
 * at :137-138 and :411-412). Istio validates each as a resource quantity
 * (pkg/kube/inject/validate.go:52-55 @ 1.28.10).
 */
export const SIDECAR_ANNOTATIONS = {
    cpu: 'sidecar.istio.io/proxyCPU',
    cpuLimit: 'sidecar.istio.io/proxyCPULimit',
    memory: 'sidecar.istio.io/proxyMemory',
    memoryLimit: 'sidecar.istio.io/proxyMemoryLimit',
};
/** The namespace label that turns injection on (`istio-injection: enabled`). */
export const INJECTION_LABEL = 'istio-injection';
/** The pod label or annotation that turns injection off for one pod (`"false"`). */
export const INJECT_POD_KEY = 'sidecar.istio.io/inject';
