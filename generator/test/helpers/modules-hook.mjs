// `node --import` hook for tests: appends the URL of every module the process loads, ES module or
// CommonJS (`require`, `createRequire`), one a line, to the file named by SUOKE_MODULES_FILE.
import { appendFileSync } from 'node:fs';
import { Module, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const out = process.env.SUOKE_MODULES_FILE;
if (out) {
  register(new URL(`data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, next) {
      appendFileSync(${JSON.stringify(out)}, url + '\\n');
      return next(url, context);
    }`)}`));
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    try {
      const file = Module._resolveFilename(request, parent, isMain);
      appendFileSync(out, `${file.startsWith('/') ? pathToFileURL(file).href : file}\n`);
    } catch {
      // unresolvable: `load` below throws the real error
    }
    return load.apply(this, arguments);
  };
}
