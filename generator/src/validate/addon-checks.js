export const ADDON_CHECKS = [
    { id: 'crd-folder-missing', severity: 'error', description: 'A pinned add-on has no `platform/crds/<name>/<version>/` folder for its pinned version.' },
    { id: 'crd-folder-stale', severity: 'error', description: 'A pinned add-on has a folder for a version other than its pin under `platform/crds/<name>/`: an old version left behind.' },
    { id: 'crd-folder-unpinned', severity: 'error', description: 'A folder under `platform/crds/` that no add-on in `platform/addons.yaml` pins.' },
    { id: 'crd-unlisted', severity: 'error', description: 'A file in a pinned CRD folder that `platform/crds/README.md` does not list.' },
    { id: 'crd-missing', severity: 'error', description: 'A file `platform/crds/README.md` lists that is not there.' },
    { id: 'crd-modified', severity: 'error', description: 'A CRD file whose sha256 is not the one `platform/crds/README.md` lists: the files must stay unmodified upstream bytes.' },
    { id: 'crd-provenance', severity: 'error', description: 'A `platform/crds/README.md` row whose repository, tag or licence is not the pin of its add-on.' },
    { id: 'crd-version', severity: 'error', description: 'A CRD that states the release it belongs to (Gateway API `bundle-version`, prometheus-operator `operator.prometheus.io/version`, `app.kubernetes.io/version`) states another release than the pin.' },
    { id: 'manifest-unreadable', severity: 'error', description: 'A YAML file under `argocd/` or `platform/` (besides the configuration and the CRDs) that does not parse: the kinds it holds cannot be checked.' },
    { id: 'kind-without-crd', severity: 'error', description: 'A custom resource (rendered, or in `platform/` or `argocd/`) whose group, version and kind no pinned CRD serves: a rendered kind has no schema.' },
];
